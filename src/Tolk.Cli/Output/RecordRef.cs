using Tolk.Hub.Store;

namespace Tolk.Cli.Output;

/// <summary>
/// A record as commands name it: <c>system datatype id</c> as three words, or one word
/// <c>system/datatype[:role]/id</c>, the form <c>tolk links</c> prints, so a person can copy it from there.
/// </summary>
internal static class RecordRef
{
    /// <summary>One membership as a word: <c>asana/task:project/1200001</c>.</summary>
    public static string Format(MemberKey member) =>
        member.Role.Length == 0 ? $"{member.Dataset}/{member.RecordId}" : $"{member.Dataset.System}/{member.Dataset.Datatype}:{member.Role}/{member.RecordId}";

    /// <summary>Parses the words of a record reference; null with the problem when they name none.</summary>
    public static (MemberKey? Member, string? Problem) Parse(IReadOnlyList<string> words, string? role = null)
    {
        ArgumentNullException.ThrowIfNull(words);
        string system, datatype, id;
        switch (words.Count)
        {
            case 1:
                var parts = words[0].Split('/', 3);
                if (parts.Length != 3 || parts.Any(string.IsNullOrWhiteSpace))
                {
                    return (null, $"'{words[0]}' is not a record: give system/datatype/id (e.g. asana/task/1200001) or the three words system datatype id");
                }

                (system, datatype, id) = (parts[0], parts[1], parts[2]);
                break;
            case 3:
                (system, datatype, id) = (words[0], words[1], words[2]);
                break;
            default:
                return (null, "name the record as system datatype id (three words), or system/datatype/id (one word)");
        }

        var colon = datatype.IndexOf(':', StringComparison.Ordinal);
        if (colon >= 0)
        {
            if (role is not null && role != datatype[(colon + 1)..])
            {
                return (null, $"the role is given twice: '{datatype[(colon + 1)..]}' and --role {role}");
            }

            (datatype, role) = (datatype[..colon], datatype[(colon + 1)..]);
        }

        if (string.IsNullOrWhiteSpace(system) || string.IsNullOrWhiteSpace(datatype) || string.IsNullOrWhiteSpace(id))
        {
            return (null, "the system, datatype and id must not be empty");
        }

        return (new MemberKey(new Dataset(system.Trim().ToLowerInvariant(), datatype.Trim().ToLowerInvariant()), id.Trim(), role ?? ""), null);
    }
}
