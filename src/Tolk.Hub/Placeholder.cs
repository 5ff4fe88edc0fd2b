namespace Tolk.Hub;
