using Tolk.Connectors;
using Tolk.Crmoffice.Internal;

namespace Tolk.Crmoffice.Tests.Connector;

public sealed class CursorTests
{
    [Fact]
    public void offsets_are_compared_as_instants_not_as_strings()
    {
        // 10:30+02:00 (08:30 UTC) is earlier than 10:00+01:00 (09:00 UTC), though it sorts later as text.
        Assert.True(CrmTimestamps.TryParse("2026-03-29T10:30:00+02:00", out var summer));
        Assert.True(CrmTimestamps.TryParse("2026-03-29T10:00:00+01:00", out var winter));
        var cursor = CrmofficeCursor.Start.Advance([("CT-1", "a", winter), ("CT-2", "b", summer)], TimeSpan.FromSeconds(5));
        Assert.Equal(winter, cursor.Since);
        Assert.Equal(["CT-1"], cursor.Seen.Keys);
    }

    [Fact]
    public void a_cursor_round_trips_through_json_with_its_format()
    {
        Assert.True(CrmTimestamps.TryParse("2026-01-05T10:00:00+01:00", out var at));
        var saved = CrmofficeCursor.Start.Advance([("CO-000001", "h", at)], TimeSpan.FromSeconds(5)).ToConnectorCursor();
        Assert.Equal(CrmofficeCursor.CurrentFormat, saved.Format);
        var back = CrmofficeCursor.From(saved);
        Assert.Equal(at, back.Since);
        Assert.True(back.HasSeen("CO-000001", "h"));
        Assert.False(back.HasSeen("CO-000001", "changed"));
        Assert.Null(CrmofficeCursor.From(new ConnectorCursor("not json", 1)).Since);
    }

    [Fact]
    public void updated_after_is_sent_with_an_explicit_offset()
    {
        Assert.True(CrmTimestamps.TryParse("2026-07-01T12:00:00+02:00", out var at));
        Assert.Equal("2026-07-01T10:00:00+00:00", CrmTimestamps.Format(at));
        Assert.False(CrmTimestamps.TryParse("2026-07-01", out _));
        Assert.False(CrmTimestamps.TryParse("2026-07-01T12:00:00", out _));
    }
}
