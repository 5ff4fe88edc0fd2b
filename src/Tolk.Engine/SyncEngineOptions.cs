namespace Tolk.Engine;

/// <summary>How the engine runs.</summary>
public sealed class SyncEngineOptions
{
    /// <summary>How many process → plan → apply rounds one cycle may run before it leaves the rest to the next cycle.</summary>
    public int MaxRounds { get; init; } = 5;

    /// <summary>The fewest deletions in one batch that can trip the mass-deletion breaker.</summary>
    public int MassDeleteMinimum { get; init; } = 10;

    /// <summary>The share of a dataset's live records whose deletion in one batch trips the breaker.</summary>
    public double MassDeleteFraction { get; init; } = 0.25;

    /// <summary>
    /// The most records of one dataset a cycle reads directly (what webhooks named); more, and it reads the dataset's
    /// change feed instead, which is then the cheaper way.
    /// </summary>
    public int MaxDirectReads { get; init; } = 50;
}
