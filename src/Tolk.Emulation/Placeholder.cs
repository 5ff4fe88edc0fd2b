namespace Tolk.Emulation;
