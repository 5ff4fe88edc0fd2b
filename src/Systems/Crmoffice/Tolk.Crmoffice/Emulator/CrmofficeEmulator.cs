namespace Tolk.Crmoffice.Emulator;
