using YamlDotNet.RepresentationModel;

namespace Tolk.Runtime.Settings;

/// <summary>
/// Reads a system's <c>credentials</c> mapping: each credential the connector needs, as <c>{ env: NAME }</c> or
/// <c>{ file: PATH }</c> (optionally with <c>key:</c>). A bare value is refused: credentials never live in the file.
/// </summary>
internal static class CredentialReader
{
    public static List<CredentialSetting>? Read(SettingsYaml yaml, string system, YamlMappingNode map)
    {
        var subject = $"systems.{system}.credentials";
        var before = yaml.Errors.Count;
        var credentials = new List<CredentialSetting>();
        var known = KnownSystems.AllCredentials(system);
        var entries = yaml.Map(map, "credentials", $"systems.{system}") is { } node ? SettingsYaml.Entries(node).ToList() : [];
        foreach (var (name, keyNode, value) in entries)
        {
            if (!known.Contains(name))
            {
                yaml.Add(keyNode, subject, $"{system} has no credential '{name}' (expected: {string.Join(", ", known)})");
                continue;
            }

            if (ReadSource(yaml, $"{subject}.{name}", value) is { } source)
            {
                credentials.Add(new CredentialSetting(name, source, yaml.At(value)));
            }
        }

        foreach (var missing in KnownSystems.RequiredCredentials(system).Where(r => entries.All(e => e.Key != r)))
        {
            yaml.Add(SettingsYaml.Get(map, "credentials") ?? map, $"systems.{system}",
                $"the credential '{missing}' is not configured (add '{missing}: {{ env: VARIABLE }}' or '{{ file: PATH }}' under credentials)");
        }

        return yaml.Errors.Count == before ? credentials : null;
    }

    private static CredentialSource? ReadSource(SettingsYaml yaml, string subject, YamlNode value)
    {
        if (value is not YamlMappingNode source)
        {
            // Say where the value should go without repeating it: it may be a real secret pasted in by mistake.
            yaml.Add(value, subject, "a credential is never written in the settings file: give { env: VARIABLE } or { file: PATH }");
            return null;
        }

        yaml.CheckKeys(source, subject, "env", "file", "key");
        var env = yaml.Text(source, "env", subject);
        var file = yaml.Text(source, "file", subject);
        var key = yaml.Text(source, "key", subject);
        switch (env, file)
        {
            case (not null, null) when key is null:
                return new EnvironmentCredential(env);
            case (null, not null):
                return new FileCredential(yaml.PathOf(file), key);
            case (not null, null):
                yaml.Add(SettingsYaml.Get(source, "key")!, subject, "'key' goes with 'file', not with 'env'");
                return null;
            case (null, null):
                yaml.Add(source, subject, "give where the value comes from: 'env' or 'file'");
                return null;
            default:
                yaml.Add(source, subject, "give either 'env' or 'file', not both");
                return null;
        }
    }
}
