namespace Tolk.Tidsbanken.Emulator.Internal;

/// <summary>What every entity type's writes share: one gate (checks and writes across types are atomic), the clock, the settings.</summary>
internal sealed record WriteContext(Lock Gate, TimeProvider Time, TidsbankenSettings Settings);
