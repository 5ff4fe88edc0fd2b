namespace Tolk.Sync.Configuration.Internal;

/// <summary>Reads and validates flows.yaml against the model and the system mappings.</summary>
internal static class FlowReader
{
    private static readonly string[] SwitchKeys = ["delete", "sync_existing", "read_only_target", "paused"];

    private static readonly Dictionary<string, DeletePolicy> Policies = new(StringComparer.Ordinal)
    {
        ["unlink"] = DeletePolicy.Unlink,
        ["propagate"] = DeletePolicy.Propagate,
        ["archive"] = DeletePolicy.Archive,
    };

    /// <summary>The flows; those naming a system in <paramref name="unreadable"/> (its file has errors already reported) are left out.</summary>
    public static List<ResolvedFlow> Read(YamlMap file, SharedModel model, IReadOnlyList<DatatypeMapping> mappings, IReadOnlySet<string> unreadable)
    {
        file.CheckKeys("flows", "defaults", "flows");
        var defaults = new FlowDefinition(0, "", new("", ""), new("", ""), file.Location);
        if (file.Map("defaults", "defaults") is { } defaultsMap)
        {
            defaultsMap.CheckKeys("defaults", SwitchKeys);
            defaults = Switches(defaultsMap, "defaults", defaults);
        }

        var flows = new List<ResolvedFlow>();
        foreach (var item in file.Sequence("flows", "flows", required: true) ?? [])
        {
            if (file.AsMap(item, "flows") is { } map && ReadFlow(map, defaults, model, mappings, unreadable) is { } flow)
            {
                if (flows.Any(f => f.Number == flow.Number))
                {
                    map.Errors.Add(map.At("number"), $"flow {flow.Number}", "the number is used by another flow");
                }

                flows.Add(flow);
            }
        }

        return flows;
    }

    private static ResolvedFlow? ReadFlow(YamlMap map, FlowDefinition defaults, SharedModel model, IReadOnlyList<DatatypeMapping> mappings, IReadOnlySet<string> unreadable)
    {
        var number = map.Int("number", "flow", required: true);
        var subject = $"flow {number}";
        map.CheckKeys(subject, [.. SwitchKeys, "number", "seed", "source", "target", "merge", "options"]);
        var seed = map.Scalar("seed", subject, required: true);
        var source = Resolve(map, "source", subject, mappings, unreadable);
        var target = Resolve(map, "target", subject, mappings, unreadable);
        if (number is null || seed is null || source is null || target is null)
        {
            return null;
        }

        if (source.GlobalType != target.GlobalType)
        {
            map.Errors.Add(map.At("target"), subject, $"type mismatch: {source.Key} maps to {source.GlobalType}, {target.Key} to {target.GlobalType}");
            return null;
        }

        var type = model.Find(source.GlobalType)!;
        var declared = MergeKeyReader.Read(map, subject, key =>
            type.Property(key) is null ? $"unknown property '{key}': not a property of {type.Name}"
            : !(source.Reads(key) && target.Reads(key)) ? $"the merge key '{key}' is not read on both sides of the flow"
            : null);
        var definition = Switches(map, subject, defaults) with
        {
            Number = number.Value, Seed = seed, Source = Ref(source), Target = Ref(target), Location = map.Location,
            Merge = declared, Options = Options(map, subject),
        };

        var table = PropertyTableBuilder.Build(type, source, target);
        if (table.Rows.Count == 0)
        {
            map.Errors.Add(map.Location, subject, $"{source.Key} and {target.Key} have no property in common");
        }

        var merge = declared ?? [.. type.Merge.Where(k => source.Reads(k.Property) && target.Reads(k.Property))];
        return new ResolvedFlow(definition, source, target, table, merge);
    }

    private static DatatypeMapping? Resolve(YamlMap map, string key, string subject, IReadOnlyList<DatatypeMapping> mappings, IReadOnlySet<string> unreadable)
    {
        var text = map.Scalar(key, subject, required: true);
        if (text is null)
        {
            return null;
        }

        var at = map.At(key);
        string? problem = DatatypeRef.TryParse(text) switch
        {
            null => $"'{text}' is not system.datatype or system.datatype:role",
            var r when unreadable.Contains(r.System) => "",
            var r when mappings.All(m => m.System != r.System) => $"unknown system '{r.System}' (known: {string.Join(", ", mappings.Select(m => m.System).Distinct())})",
            var r when mappings.All(m => m.System != r.System || m.Datatype != r.Datatype) => $"unknown datatype '{r.Datatype}' of {r.System} (known: {string.Join(", ", mappings.Where(m => m.System == r.System).Select(m => m.Datatype).Distinct())})",
            var r when mappings.FirstOrDefault(m => m.Key == r.ToString()) is null => r.Role is null
                ? $"{r.System}.{r.Datatype} maps only through roles: name one ({string.Join(", ", mappings.Where(m => m.System == r.System && m.Datatype == r.Datatype).Select(m => m.Key))})"
                : $"{r.System}.{r.Datatype} has no role '{r.Role}'",
            _ => null,
        };
        if (problem is { Length: 0 })
        {
            return null;
        }

        if (problem is not null)
        {
            map.Errors.Add(at, $"{subject} {key}", problem);
            return null;
        }

        return mappings.First(m => m.Key == DatatypeRef.TryParse(text)!.ToString());
    }

    private static DatatypeRef Ref(DatatypeMapping mapping) => new(mapping.System, mapping.Datatype, mapping.Role);

    private static FlowDefinition Switches(YamlMap map, string subject, FlowDefinition defaults)
    {
        var policy = defaults.Delete;
        if (map.Scalar("delete", subject) is { } name && !Policies.TryGetValue(name, out policy))
        {
            map.Errors.Add(map.At("delete"), subject, $"unknown delete policy '{name}' (expected one of: {string.Join(", ", Policies.Keys)})");
        }

        return defaults with
        {
            Delete = policy,
            SyncExisting = map.Bool("sync_existing", subject) ?? defaults.SyncExisting,
            ReadOnlyTarget = map.Bool("read_only_target", subject) ?? defaults.ReadOnlyTarget,
            Paused = map.Bool("paused", subject) ?? defaults.Paused,
        };
    }

    private static Dictionary<string, string> Options(YamlMap map, string subject)
    {
        var options = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, _, _) in map.Map("options", subject)?.Entries ?? [])
        {
            options[key] = map.Map("options", subject)!.Scalar(key, $"{subject} options") ?? "";
        }

        return options;
    }
}
