namespace Tolk.Sync.Configuration.Internal;

/// <summary>Reads and validates one config/systems/&lt;system&gt;.yaml.</summary>
internal static class SystemReader
{
    public static List<DatatypeMapping> Read(YamlMap file, string expectedName, SharedModel model)
    {
        file.CheckKeys(expectedName, "system", "datatypes");
        var declared = file.Scalar("system", expectedName, required: true) ?? expectedName;
        if (declared != expectedName)
        {
            file.Errors.Add(file.At("system"), declared, $"the file for system '{declared}' must be named {declared}.yaml");
        }

        // The file name wins, so that one misspelling does not also break every flow that names the system.
        var system = expectedName;

        var mappings = new List<DatatypeMapping>();
        foreach (var (datatype, value, location) in file.Map("datatypes", system, required: true)?.Entries ?? [])
        {
            var subject = $"{system}.{datatype}";
            CheckName(file, location, subject, datatype);
            if (file.AsMap(value, subject) is not { } map)
            {
                continue;
            }

            map.CheckKeys(subject, "type", "when", "properties", "dropped", "roles");
            var roles = new List<DatatypeMapping>();
            foreach (var (role, roleValue, roleLocation) in map.Map("roles", subject)?.Entries ?? [])
            {
                CheckName(map, roleLocation, $"{subject}:{role}", role);
                if (map.AsMap(roleValue, $"{subject}:{role}") is { } roleMap)
                {
                    roleMap.CheckKeys($"{subject}:{role}", "type", "when", "properties", "dropped");
                    roles.AddRange(MappingReader.Read(roleMap, system, datatype, role, roleLocation, model) is { } r ? [r] : []);
                }
            }

            if (map.Has("type"))
            {
                if (map.Has("when"))
                {
                    map.Errors.Add(map.At("when"), subject, "only a role has 'when': the primary mapping takes the records no role's 'when' claims");
                }

                var unless = roles.Select(r => r.When).OfType<Discriminator>().ToList();
                mappings.AddRange(MappingReader.Read(map, system, datatype, null, location, model) is { } primary ? [primary with { Unless = unless }] : []);
            }
            else if (roles.Count == 0 || map.Has("properties") || map.Has("dropped"))
            {
                map.Errors.Add(location, subject, "'type' is required (a datatype without one maps only through its roles)");
            }

            mappings.AddRange(roles);
        }

        CheckReferences(mappings, file.Errors);
        return mappings;
    }

    // The hub names datasets in lowercase, and flows.yaml joins names with '.' and ':'.
    private static void CheckName(YamlMap map, SourceLocation location, string subject, string name)
    {
        if (name.Length == 0 || !char.IsAsciiLetterLower(name[0]) || !name.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '_'))
        {
            map.Errors.Add(location, subject, $"'{name}' must be lowercase letters, digits and '_', starting with a letter");
        }
    }

    // A reference by id must name a datatype of the same system whose primary mapping is the referenced global type.
    private static void CheckReferences(List<DatatypeMapping> mappings, ErrorSink errors)
    {
        foreach (var mapping in mappings)
        {
            foreach (var property in mapping.Properties.Where(p => p.TargetDatatype is not null))
            {
                var subject = $"{mapping.Key} → {property.Properties[0]}";
                var wanted = property.Format!.Reference!.Type;
                var target = mappings.FirstOrDefault(m => m.Datatype == property.TargetDatatype && m.Role is null);
                if (target is null)
                {
                    errors.Add(property.Location, subject, $"dangling reference: {mapping.System} has no datatype '{property.TargetDatatype}' (with a primary mapping) for {property.FieldNames} to refer to");
                }
                else if (target.GlobalType != wanted)
                {
                    errors.Add(property.Location, subject, $"dangling reference: {target.Key} maps to {target.GlobalType}, and {property.Properties[0]} refers to a {wanted}");
                }
            }
        }
    }
}
