SELECT key, value, format, revision FROM cursors WHERE key = @key;
