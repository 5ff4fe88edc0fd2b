namespace Tolk.Hub.Store;

/// <summary>
/// A saved position (a connector's in a system, or the engine's in a log). <see cref="Format"/> lets a newer Tolk read an
/// older cursor; <see cref="Revision"/> counts saves and is assigned by the store (ignored when saving).
/// </summary>
public sealed record HubCursor(string Key, string Value, int Format = 1, long Revision = 0);
