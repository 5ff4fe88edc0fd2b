namespace Tolk.Custompms.Emulator;
