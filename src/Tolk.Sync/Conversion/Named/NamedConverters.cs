namespace Tolk.Sync.Conversion.Named;

/// <summary>Every named converter, by the name mapping files use.</summary>
internal static class NamedConverters
{
    private static readonly Dictionary<string, INamedConverter> ByName = new INamedConverter[]
    {
        new AsanaProjectStatus(),
        new CompletedStatus(),
        new TrelloCommentText(),
        new Initials(),
        new TidsbankenEmployeeId(),
        new Coalesce(),
    }.ToDictionary(c => c.Name, StringComparer.Ordinal);

    public static IEnumerable<string> Names => ByName.Keys;

    public static INamedConverter? Find(string name) => ByName.GetValueOrDefault(name);
}
