using System.Text.RegularExpressions;

namespace Tolk.Emulation.Faults;

/// <summary>Holds the fault rules of one emulator and decides, call by call, which one fires.</summary>
public sealed class FaultInjector
{
    private readonly List<ActiveRule> _rules = [];
    private readonly Lock _gate = new();
    private Random _random;
    private int _nextId;

    /// <summary>Creates an injector whose probabilities are drawn from a generator seeded with <paramref name="seed"/>.</summary>
    public FaultInjector(int seed = 1) => _random = new Random(seed);

    /// <summary>Validates and adds a rule; returns it with its id, or the reason it was refused.</summary>
    public (FaultRule? Rule, string? Error) Add(FaultRule rule)
    {
        var error = Validate(rule);
        if (error is not null)
        {
            return (null, error);
        }
        lock (_gate)
        {
            var stored = rule with { Id = $"f{++_nextId}", Times = rule.Times ?? (rule.Nth is null ? null : 1) };
            _rules.Add(new ActiveRule(stored, PathPattern(stored.Path)));
            return (stored, null);
        }
    }

    /// <summary>The rules in force.</summary>
    public IReadOnlyList<FaultRule> Rules
    {
        get { lock (_gate) { return _rules.Select(r => r.Rule).ToList(); } }
    }

    /// <summary>Removes every rule and reseeds the generator.</summary>
    public void Clear(int? seed = null)
    {
        lock (_gate)
        {
            _rules.Clear();
            if (seed is not null)
            {
                _random = new Random(seed.Value);
            }
        }
    }

    /// <summary>Removes one rule; false when there was none with that id.</summary>
    public bool Remove(string id)
    {
        lock (_gate) { return _rules.RemoveAll(r => r.Rule.Id == id) > 0; }
    }

    /// <summary>The rule that fires for this call, if any; counts the call against every matching rule.</summary>
    public FaultRule? Next(string target, string method, string path)
    {
        lock (_gate)
        {
            FaultRule? fired = null;
            foreach (var active in _rules.ToList())
            {
                if (!active.Matches(target, method, path))
                {
                    continue;
                }
                active.Seen++;
                if (fired is null && active.ShouldFire(_random))
                {
                    fired = active.Rule;
                    active.Fired++;
                    if (active.Rule.Times is { } times && active.Fired >= times)
                    {
                        _rules.Remove(active);
                    }
                }
            }
            return fired;
        }
    }

    private static string? Validate(FaultRule rule)
    {
        var allowed = rule.Target switch
        {
            FaultTargets.Request => FaultActions.ForRequests,
            FaultTargets.Webhook => FaultActions.ForWebhooks,
            _ => null,
        };
        if (allowed is null)
        {
            return $"target: must be '{FaultTargets.Request}' or '{FaultTargets.Webhook}', not '{rule.Target}'";
        }
        if (!allowed.Contains(rule.Action))
        {
            return $"action: '{rule.Action}' is not one of {string.Join(", ", allowed)} for target '{rule.Target}'";
        }
        if (rule.Nth is null && rule.Probability is null)
        {
            return "nth or probability: one of them is required";
        }
        if (rule.Nth is < 1)
        {
            return "nth: must be 1 or more";
        }
        if (rule.Probability is < 0 or > 1)
        {
            return "probability: must be between 0 and 1";
        }
        if (rule.Action == FaultActions.Status && rule.Status is not (>= 400 and <= 599))
        {
            return "status: a status fault needs a status code from 400 to 599";
        }
        if (rule.Action == FaultActions.Delay && rule.DelayMs is not (> 0))
        {
            return "delayMs: a delay fault needs a positive delay";
        }
        return null;
    }

    private static Regex? PathPattern(string? glob) => glob is null
        ? null
        : new Regex("^" + Regex.Escape(glob).Replace("\\*", ".*", StringComparison.Ordinal) + "$",
            RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(50));

    private sealed class ActiveRule(FaultRule rule, Regex? path)
    {
        public FaultRule Rule { get; } = rule;
        public int Seen { get; set; }
        public int Fired { get; set; }

        public bool Matches(string target, string method, string requestPath) =>
            Rule.Target == target
            && (Rule.Method is null || string.Equals(Rule.Method, method, StringComparison.OrdinalIgnoreCase))
            && (path is null || path.IsMatch(requestPath));

        public bool ShouldFire(Random random) =>
            Rule.Nth is { } nth ? Seen >= nth : random.NextDouble() < Rule.Probability;
    }
}
