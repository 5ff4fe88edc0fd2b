using System.Text.Json.Nodes;
using Tolk.Sync.Conversion;

namespace Tolk.Sync.Tests.Conversion;

public sealed class FieldPathTests
{
    [Theory]
    [InlineData("name")]
    [InlineData("address.street")]
    [InlineData("projects[0]")]
    [InlineData("data.card.id")]
    [InlineData("a[1][2].b")]
    public void valid_paths_parse(string path) => Assert.Equal(path, FieldPath.TryParse(path)?.Text);

    [Theory]
    [InlineData("")]
    [InlineData(".name")]
    [InlineData("name.")]
    [InlineData("a..b")]
    [InlineData("projects[]")]
    [InlineData("projects[-1]")]
    [InlineData("full name")]
    public void malformed_paths_do_not(string path) => Assert.Null(FieldPath.TryParse(path));

    [Fact]
    public void reading_tells_absent_from_null()
    {
        var record = JsonNode.Parse("""{"a":null,"b":{"c":1},"list":[]}""")!.AsObject();
        Assert.False(FieldPath.Parse("missing").TryGet(record, out _));
        Assert.False(FieldPath.Parse("b.missing").TryGet(record, out _));
        Assert.True(FieldPath.Parse("a").TryGet(record, out var a) && a is null);
        Assert.True(FieldPath.Parse("a.c").TryGet(record, out var ac) && ac is null);
        Assert.True(FieldPath.Parse("list[0]").TryGet(record, out var first) && first is null);
        Assert.True(FieldPath.Parse("b.c").TryGet(record, out var c) && c!.GetValue<int>() == 1);
    }

    [Fact]
    public void writing_null_to_a_list_element_removes_it()
    {
        var target = new JsonObject();
        FieldPath.Parse("projects[0]").Set(target, null, JsonNode.Parse("""{"projects":["1","2"]}""")!.AsObject());
        Assert.Equal("""{"projects":["2"]}""", target.ToJsonString());
    }
}
