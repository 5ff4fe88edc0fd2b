namespace Tolk.Trello.Emulator;
