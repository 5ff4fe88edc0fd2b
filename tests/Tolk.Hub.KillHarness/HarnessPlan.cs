namespace Tolk.Hub.KillHarness;

/// <summary>What the harness does, shared with the test that reads its output.</summary>
internal static class HarnessPlan
{
    public const int FirstBatch = 200;
    public const int SecondBatch = 20_000;
    public const string CursorKey = "harness/item";
    public const string FirstCommitted = "FIRST BATCH COMMITTED";
    public const string Halfway = "SECOND BATCH HALFWAY";
    public const string SecondCommitted = "SECOND BATCH COMMITTED";
}
