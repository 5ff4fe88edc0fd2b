using Tolk.Engine.Golden;
using Tolk.Sync.Conversion;

namespace Tolk.Engine.Tests.Units;

public sealed class ThreeWayMergeTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 1, 8, 0, 0, TimeSpan.Zero);

    private static GoldenRecord Golden(params (string Property, string? Value, DateTimeOffset At, string By)[] values)
    {
        var golden = GoldenRecord.Empty();
        foreach (var (property, value, at, by) in values)
        {
            golden.Set(property, new GoldenValue(CanonicalValue.OfText(value), at, by));
        }

        return golden;
    }

    private static MemberEdit Edit(string label, DateTimeOffset at, Dictionary<string, string?> current, Dictionary<string, string?>? synced, bool isSource = false)
    {
        var now = current.ToDictionary(c => c.Key, c => (CanonicalValue?)CanonicalValue.OfText(c.Value), StringComparer.Ordinal);
        var before = synced?.ToDictionary(c => c.Key, c => (CanonicalValue?)CanonicalValue.OfText(c.Value), StringComparer.Ordinal);
        var edited = now.Where(c => before is null || !before.TryGetValue(c.Key, out var b) || !Equals(b, c.Value)).Select(c => c.Key).ToHashSet(StringComparer.Ordinal);
        return new MemberEdit(label, now, before, edited, at, isSource);
    }

    private static bool NoSource(string label) => false;

    [Fact]
    public void An_edit_of_a_property_nobody_else_changed_wins_whatever_its_time()
    {
        var golden = Golden(("name", "Acme", T0.AddHours(2), "asana/team/1"));
        var edit = Edit("customerp/customer/7", T0, new() { ["name"] = "Acme AS" }, new() { ["name"] = "Acme" });

        var (conflicts, changed) = ThreeWayMerge.Apply(golden, edit, NoSource);

        Assert.True(changed);
        Assert.Empty(conflicts);
        Assert.Equal("Acme AS", golden["name"]!.Value!.Text);
        Assert.Equal("customerp/customer/7", golden["name"]!.By);
    }

    [Fact]
    public void Edits_of_different_properties_on_both_sides_both_survive()
    {
        var golden = Golden(("name", "Acme", T0, "asana/team/1"), ("city", "Bergen", T0.AddMinutes(5), "asana/team/1"));
        var edit = Edit("customerp/customer/7", T0.AddMinutes(1), new() { ["name"] = "Acme AS", ["city"] = "Oslo" }, new() { ["name"] = "Acme", ["city"] = "Oslo" });

        var (conflicts, _) = ThreeWayMerge.Apply(golden, edit, NoSource);

        Assert.Empty(conflicts);
        Assert.Equal(("Acme AS", "Bergen"), (golden["name"]!.Value!.Text, golden["city"]!.Value!.Text));
    }

    [Fact]
    public void The_same_property_edited_on_both_sides_goes_to_the_later_edit_and_the_loser_is_a_conflict()
    {
        var golden = Golden(("name", "Acme Group", T0.AddMinutes(10), "asana/team/1"));
        var earlier = Edit("customerp/customer/7", T0.AddMinutes(5), new() { ["name"] = "Acme AS" }, new() { ["name"] = "Acme" });

        var (conflicts, changed) = ThreeWayMerge.Apply(golden, earlier, NoSource);

        Assert.False(changed);
        var conflict = Assert.Single(conflicts);
        Assert.Equal(("name", "Acme Group", "Acme AS"), (conflict.Property, conflict.Winner.Value!.Text, conflict.Loser.Value!.Text));
        Assert.Equal("Acme Group", golden["name"]!.Value!.Text);

        var later = Edit("customerp/customer/7", T0.AddMinutes(15), new() { ["name"] = "Acme AS" }, new() { ["name"] = "Acme" });
        var (again, _) = ThreeWayMerge.Apply(golden, later, NoSource);

        Assert.Equal(("Acme AS", "Acme Group"), (Assert.Single(again).Winner.Value!.Text, again[0].Loser.Value!.Text));
        Assert.Equal("Acme AS", golden["name"]!.Value!.Text);
    }

    [Fact]
    public void A_tie_goes_to_the_flow_source()
    {
        var golden = Golden(("name", "Acme Group", T0, "asana/team/1"));
        var edit = Edit("customerp/customer/7", T0, new() { ["name"] = "Acme AS" }, new() { ["name"] = "Acme" });

        var (conflicts, _) = ThreeWayMerge.Apply(golden, edit, label => label.StartsWith("asana/", StringComparison.Ordinal));

        Assert.Equal("Acme Group", Assert.Single(conflicts).Winner.Value!.Text);
        Assert.Equal("Acme Group", golden["name"]!.Value!.Text);
    }

    [Fact]
    public void On_first_join_an_empty_value_says_nothing_and_does_not_clear_the_cluster()
    {
        var golden = Golden(("email", "post@acme.no", T0, "customerp/customer/7"));
        var edit = Edit("tidsbanken/kunde/3", T0.AddDays(1), new() { ["email"] = null, ["name"] = "Acme" }, synced: null);

        var (conflicts, changed) = ThreeWayMerge.Apply(golden, edit, NoSource);

        Assert.Empty(conflicts);
        Assert.True(changed);
        Assert.Equal(("post@acme.no", "Acme"), (golden["email"]!.Value!.Text, golden["name"]!.Value!.Text));
    }

    [Fact]
    public void A_value_the_cluster_already_holds_is_no_change()
    {
        var golden = Golden(("name", "Acme", T0, "asana/team/1"));
        var edit = Edit("customerp/customer/7", T0.AddDays(1), new() { ["name"] = "Acme" }, synced: null);

        var (conflicts, changed) = ThreeWayMerge.Apply(golden, edit, NoSource);

        Assert.Empty(conflicts);
        Assert.False(changed);
        Assert.Equal("asana/team/1", golden["name"]!.By);
    }

    [Fact]
    public void Golden_records_round_trip_through_their_json_form()
    {
        var configuration = Sync.Configuration.ConfigurationLoader.LoadValid(Harness.RepoPaths.Config);
        var type = configuration.Model.Find("project")!;
        var golden = GoldenRecord.Empty();
        golden.Set("name", new GoldenValue(CanonicalValue.OfText("Nordlys"), T0, "asana/project/1"));
        golden.Set("status", new GoldenValue(new EnumValue("active"), T0.AddMinutes(1), "customerp/project/4"));
        golden.Set("customer", new GoldenValue(GoldenRefs.ToCluster("organization", 42), T0, "asana/project/1"));
        golden.Set("end_date", new GoldenValue(null, T0, "custompms/project/x"));

        var again = GoldenRecord.Parse(golden.ToJson(), type);

        Assert.Equal(golden.Values.OrderBy(v => v.Key), again.Values.OrderBy(v => v.Key));
        Assert.Equal(42, GoldenRefs.ClusterOf((ReferenceValue)again["customer"]!.Value!));
    }
}
