namespace Tolk.Customerp.Emulator;
