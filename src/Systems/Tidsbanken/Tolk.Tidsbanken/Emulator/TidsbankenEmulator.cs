namespace Tolk.Tidsbanken.Emulator;
