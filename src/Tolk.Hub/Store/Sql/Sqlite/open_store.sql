-- WAL is a property of the file: set once, it lets readers keep a consistent snapshot while the writer appends.
PRAGMA journal_mode = WAL;
