namespace Tolk.Asana.Emulator;
