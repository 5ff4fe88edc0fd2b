namespace Tolk.Sync;
