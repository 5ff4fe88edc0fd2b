using Tolk.Connectors;
using Tolk.Engine.Index;
using Tolk.Engine.Tests.Harness;
using Tolk.Engine.Topology;
using Tolk.Hub.Store;
using Tolk.Sync.Configuration;

namespace Tolk.Engine.Tests.Units;

public sealed class RecordIndexTests
{
    private static readonly Dataset Members = new("trello", "member");
    private static readonly DateTimeOffset Seen = new(2026, 11, 1, 8, 0, 0, TimeSpan.Zero);

    private static RecordIndex Index() =>
        new(new SyncTopology(ConfigurationLoader.LoadValid(RepoPaths.Config), new Dictionary<string, IConnector>()));

    private static RecordVersion Member(long seq, string name, DateTimeOffset? modifiedAt, DateTimeOffset observedAt) =>
        new(seq, Members, "m1", $$"""{"email":"astrid@example.com","fullName":"{{name}}","username":"astrid"}""", $"h{seq}", false, modifiedAt, observedAt);

    // Regression: a record without a modification time counted its first observation as its latest edit, so a Trello
    // member who signed up as "Astrid" renamed Astrid Solberg everywhere when Tolk first linked them.
    [Fact]
    public void The_first_version_of_a_record_without_a_modification_time_changed_at_an_unknown_time()
    {
        var index = Index();

        Assert.Equal(DateTimeOffset.MinValue, index.Apply(Member(1, "Astrid", null, Seen))!.ChangedAt);
        Assert.Equal(Seen.AddMinutes(5), index.Apply(Member(2, "Astrid Solberg", null, Seen.AddMinutes(5)))!.ChangedAt);
    }

    [Fact]
    public void A_modification_time_the_system_gives_is_the_change_time_from_the_first_version()
    {
        var index = Index();

        Assert.Equal(Seen.AddDays(-3), index.Apply(Member(1, "Astrid", Seen.AddDays(-3), Seen))!.ChangedAt);
    }
}
