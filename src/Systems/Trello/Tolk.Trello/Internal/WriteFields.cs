using System.Text.Json;
using System.Text.Json.Nodes;
using Tolk.Connectors;

namespace Tolk.Trello.Internal;

/// <summary>
/// Turns the fields of a write (API names, as the connector reads them) into Trello's query parameters. Only the
/// fields the API can change are accepted; anything else is refused naming the field, before any call is made. A
/// comment's text may come as <c>data.text</c> (where reads put it) or as <c>text</c> (the API's parameter).
/// </summary>
internal static class WriteFields
{
    public static (List<(string Name, string Value)>? Fields, Failure? Failure) From(TrelloDatatype datatype, JsonObject properties, string what)
    {
        if (datatype.Name == TrelloDatatypes.Action)
        {
            return Comment(properties, what);
        }
        var fields = new List<(string, string)>();
        foreach (var (name, value) in properties)
        {
            if (!datatype.Writable.Contains(name))
            {
                return (null, NotWritable(datatype, name, what));
            }
            if (Text(value) is not { } text)
            {
                return (null, new Failure(FailureKind.Rejected, $"{what}: {name} must be text, not {value!.ToJsonString()}", name));
            }
            fields.Add((name, text));
        }
        return (fields, null);
    }

    private static (List<(string, string)>? Fields, Failure? Failure) Comment(JsonObject properties, string what)
    {
        string? text = null;
        foreach (var (name, value) in properties)
        {
            switch (name)
            {
                case "type" when Text(value) == RecordReader.CommentType:
                    continue;
                case "type":
                    return (null, new Failure(FailureKind.NotSupported,
                        $"{what}: only comments (type {RecordReader.CommentType}) can be written; Trello's other actions never change", "type"));
                case "text":
                    text = Text(value);
                    break;
                case "data" when value is JsonObject data:
                    foreach (var (inner, innerValue) in data)
                    {
                        if (inner != "text")
                        {
                            return (null, new Failure(FailureKind.Rejected,
                                $"{what}: data.{inner} cannot be written through Trello's API; a comment takes only its text", "data." + inner));
                        }
                        text = Text(innerValue);
                    }
                    break;
                default:
                    return (null, new Failure(FailureKind.Rejected,
                        $"{what}: {name} cannot be written through Trello's API; a comment takes only its text (data.text)", name));
            }
        }
        return string.IsNullOrEmpty(text)
            ? (null, new Failure(FailureKind.Rejected, $"{what}: a comment needs its text (data.text), 1 to 16384 characters", "data.text"))
            : ([("text", text)], null);
    }

    private static Failure NotWritable(TrelloDatatype datatype, string name, string what) =>
        new(FailureKind.Rejected,
            $"{what}: {name} cannot be written through Trello's API; a {datatype.Name} takes {string.Join(", ", datatype.Writable)}", name);

    // Trello's parameters are text: null clears a field (sent empty), numbers and flags go as their JSON text.
    private static string? Text(JsonNode? value) => value switch
    {
        null => "",
        JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>(),
        JsonValue v when v.GetValueKind() is JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False => v.ToJsonString(),
        _ => null,
    };
}
