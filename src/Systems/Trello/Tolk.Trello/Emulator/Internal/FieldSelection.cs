using System.Text.Json.Nodes;

namespace Tolk.Trello.Emulator.Internal;

/// <summary>Trello's <c>fields</c> parameter: <c>all</c> or a comma-separated list of the model's fields; id always comes back.</summary>
internal static class FieldSelection
{
    /// <summary>The requested field names (null for all), or an error for a name the model does not have.</summary>
    public static (string[]? Fields, TrelloResponse? Error) Parse(TrelloArgs args, IReadOnlySet<string> known, string? defaults = null,
        string parameter = "fields")
    {
        var (text, valid) = args.Text(parameter);
        if (!valid)
        {
            return (null, TrelloResponse.Invalid(parameter));
        }
        text ??= defaults;
        if (text is null || text == "all")
        {
            return (null, null);
        }
        var names = text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        return names.All(n => n == "id" || known.Contains(n)) ? (names, null) : (null, TrelloResponse.Invalid(parameter));
    }

    /// <summary>Keeps only <paramref name="fields"/> (and id) of <paramref name="model"/>, in the model's own order.</summary>
    public static JsonObject Apply(JsonObject model, string[]? fields)
    {
        if (fields is null)
        {
            return model;
        }
        var result = new JsonObject();
        foreach (var (name, value) in model)
        {
            if (name == "id" || fields.Contains(name))
            {
                result[name] = value?.DeepClone();
            }
        }
        return result;
    }
}
