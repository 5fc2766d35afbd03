using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;

namespace PhotonSdk.Emulator;

/// <summary>
/// The emulator's command-line options, as System.CommandLine options, and the <see cref="EmulatorOptions"/> they
/// describe. The emulator's own program and <c>photon emulator</c> add the same options to their commands, so the two
/// never disagree. An option takes its value as the next argument or after <c>=</c> (<c>--seed 7</c> or
/// <c>--seed=7</c>); repeatable ones may be given more than once. A value that is malformed or out of range is a parse
/// error that names the option.
/// </summary>
public sealed class EmulatorCommandLine
{
    private readonly List<Option> _options = [];
    private readonly List<Action<ParseResult, EmulatorOptions>> _readers = [];

    /// <summary>Creates the options, listening by default on a free loopback port (<see cref="EmulatorOptions.DefaultUrls"/>).</summary>
    public EmulatorCommandLine()
        : this(EmulatorOptions.DefaultUrls)
    {
    }

    /// <summary>Creates the options.</summary>
    /// <param name="defaultUrls">Where to listen when <c>--urls</c> is not given.</param>
    public EmulatorCommandLine(string defaultUrls)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(defaultUrls);
        var defaults = new EmulatorOptions();
        AddOne("--urls", "urls", "Where to listen, separated by ';' (port 0 picks a free port)",
            defaultUrls, Text, (o, v) => o.Urls = v);
        AddMany("--api-key", "key", "Accept only this Bearer key; repeatable (default: any non-empty key)",
            Text, (o, v) => o.ApiKeys.Add(v), secret: true);
        AddOne("--latency-scale", "x", "Multiply model latencies and the sync window (0 = instant)",
            defaults.LatencyScale, Number, (o, v) => o.LatencyScale = v);
        AddMany("--model-latency", "model=seconds", "Unscaled latency of one model; repeatable (default 3 s for flash-tier models, 8 s for others)",
            ModelLatency, (o, v) => o.ModelLatencies[v.Key] = v.Value);
        AddOne("--latency-jitter", "share", "Spread each latency evenly within this share either side, 0 to <1",
            defaults.LatencyJitter, Number, (o, v) => o.LatencyJitter = v);
        AddOne("--sync-timeout", "seconds", "Sync-mode window before the 5004 answer, unscaled",
            defaults.SyncModeTimeout.TotalSeconds, Seconds, (o, v) => o.SyncModeTimeout = TimeSpan.FromSeconds(v));
        AddOne("--rate-limit-tier", "none|bronze|silver|gold|ultra", "The account level whose rate and concurrency limits apply",
            defaults.RateLimitTier, Tier, (o, v) => o.RateLimitTier = v);
        AddOne("--seed", "n", "Make ids, faults and images repeatable",
            null, OptionalInteger, (o, v) => o.Seed = v);
        AddOne("--initial-balance", "usd", "Starting balance in USD",
            defaults.InitialBalance, Money, (o, v) => o.InitialBalance = v);
        AddOne("--webhook-secret", "whsec_...", "Webhook signing secret (default: random)",
            null, OptionalText, (o, v) => o.WebhookSecret = v, secret: true);
        AddOne("--max-upload-bytes", "n", "Larger uploads get 413",
            defaults.MaxUploadBytes, Long, (o, v) => o.MaxUploadBytes = v);
        AddOne("--image-format", "png|jpeg", "Output encoding",
            defaults.ImageFormat, ImageFormat, (o, v) => o.ImageFormat = v);
        AddMany("--moderation-word", "word", "Prompts containing it fail with task code 1200; repeatable",
            Text, (o, v) => o.Faults.ModerationWords.Add(v));
        AddOne("--failure-rate", "r", "Share of predictions that fail, 0 to 1",
            defaults.Faults.FailureRate, Number, (o, v) => o.Faults.FailureRate = v);
        AddOne("--failure-code", "code", "Their task code: 1403, 1405, 5000 or 5003",
            defaults.Faults.FailureCode, Integer, (o, v) => o.Faults.FailureCode = v);
        AddOne("--server-error-rate", "r", "Share of API requests answered 5xx, 0 to 1",
            defaults.Faults.ServerErrorRate, Number, (o, v) => o.Faults.ServerErrorRate = v);
        AddOne("--server-error-status", "code", "The status of those answers",
            defaults.Faults.ServerErrorStatusCode, Integer, (o, v) => o.Faults.ServerErrorStatusCode = v);
        AddFlag("--server-error-keeps-submission", "A submit answered 5xx still creates its prediction",
            (o, v) => o.Faults.ServerErrorKeepsSubmission = v);
        AddOne("--connection-reset-rate", "r", "Share of API requests handled and then dropped without an answer, 0 to 1 (a dropped submit has created its prediction)",
            defaults.Faults.ConnectionResetRate, Number, (o, v) => o.Faults.ConnectionResetRate = v);
        AddOne("--webhook-drop-rate", "r", "Share of webhook deliveries never sent, 0 to 1",
            defaults.Faults.WebhookDropRate, Number, (o, v) => o.Faults.WebhookDropRate = v);
        AddOne("--webhook-duplicate-rate", "r", "Share of webhook deliveries sent twice, 0 to 1",
            defaults.Faults.WebhookDuplicateRate, Number, (o, v) => o.Faults.WebhookDuplicateRate = v);
        AddOne("--rate-limited-rate", "r", "Share of API requests answered 429, 0 to 1",
            defaults.Faults.RateLimitedRate, Number, (o, v) => o.Faults.RateLimitedRate = v);
        AddOne("--rate-limited-retry-after", "seconds", "The Retry-After of those answers",
            defaults.Faults.RateLimitedRetryAfter.TotalSeconds, Seconds, (o, v) => o.Faults.RateLimitedRetryAfter = TimeSpan.FromSeconds(v));
        AddOne("--slow-rate", "r", "Share of API requests delayed, 0 to 1",
            defaults.Faults.SlowResponseRate, Number, (o, v) => o.Faults.SlowResponseRate = v);
        AddOne("--slow-delay", "seconds", "By how long",
            defaults.Faults.SlowResponseDelay.TotalSeconds, Seconds, (o, v) => o.Faults.SlowResponseDelay = TimeSpan.FromSeconds(v));
    }

    /// <summary>The options, to add to a command. They belong to this instance: create one instance per command.</summary>
    public IReadOnlyList<Option> Options => _options;

    /// <summary>Reads the emulator's settings from a command line parsed by a command that holds <see cref="Options"/>.</summary>
    /// <param name="parseResult">The parse result; options not given keep the defaults of <see cref="EmulatorOptions"/>.</param>
    /// <returns>The settings, validated.</returns>
    /// <exception cref="ArgumentException">The command line has errors; the message lists them.</exception>
    public EmulatorOptions GetEmulatorOptions(ParseResult parseResult)
    {
        ArgumentNullException.ThrowIfNull(parseResult);
        if (parseResult.Errors.Count > 0)
        {
            throw new ArgumentException(string.Join(" ", parseResult.Errors.Select(e => e.Message)), nameof(parseResult));
        }

        var options = new EmulatorOptions();
        foreach (var read in _readers)
        {
            read(parseResult, options);
        }

        options.Validate();
        return options;
    }

    private void AddOne<T>(string name, string helpName, string description, T? shownDefault, Kind<T> kind, Action<EmulatorOptions, T> apply, bool secret = false)
    {
        var option = new Option<T>(name)
        {
            Description = description,
            HelpName = helpName,
            CustomParser = result => result.Tokens.Count == 0 ? default : Convert(result, name, result.Tokens[^1].Value, kind, apply, secret),
        };
        if (shownDefault is not null)
        {
            option.DefaultValueFactory = _ => shownDefault;
        }

        Register(option, apply);
    }

    private void AddMany<T>(string name, string helpName, string description, Kind<T> kind, Action<EmulatorOptions, T> apply, bool secret = false)
    {
        var option = new Option<T[]>(name)
        {
            Description = description,
            HelpName = helpName,
            Arity = ArgumentArity.OneOrMore,
            CustomParser = result => [.. result.Tokens.Select(token => Convert(result, name, token.Value, kind, apply, secret)!)],
        };
        Register(option, (options, values) =>
        {
            foreach (var value in values)
            {
                apply(options, value);
            }
        });
    }

    private void AddFlag(string name, string description, Action<EmulatorOptions, bool> apply)
    {
        // System.CommandLine reads a bool option bare as true, and takes true or false after it.
        Register(new Option<bool>(name) { Description = description }, apply);
    }

    /// <summary>
    /// Reads an option into the settings when it was given or has a default of its own (only <c>--urls</c> may differ
    /// from <see cref="EmulatorOptions"/>); the others keep the defaults of <see cref="EmulatorOptions"/>.
    /// </summary>
    private void Register<T>(Option<T> option, Action<EmulatorOptions, T> apply)
    {
        _options.Add(option);
        _readers.Add((parseResult, options) =>
        {
            if (parseResult.GetResult(option) is not null && parseResult.GetValue(option) is { } value)
            {
                apply(options, value);
            }
        });
    }

    /// <summary>
    /// Converts one value and checks its range by applying it to default settings and validating them, so that the
    /// command line and <see cref="WaveSpeedEmulator.StartAsync"/> accept exactly the same values.
    /// </summary>
    private static T? Convert<T>(ArgumentResult result, string name, string text, Kind<T> kind, Action<EmulatorOptions, T> apply, bool secret)
    {
        if (!kind.TryConvert(text, out var value))
        {
            result.AddError($"Option {name} {kind.Expects}, not '{text}'.");
            return default;
        }

        var scratch = new EmulatorOptions();
        apply(scratch, value);
        try
        {
            scratch.Validate();
        }
        catch (ArgumentException e)
        {
            // The first line without the "(Parameter 'x')" suffix, which names a C# property rather than the option.
            var reason = e.Message.Split('\n')[0].Replace($" (Parameter '{e.ParamName}')", "", StringComparison.Ordinal).Trim();
            result.AddError(secret ? $"Option {name}: {reason}" : $"Option {name}: {reason} Got '{text}'.");
            return default;
        }

        return value;
    }

    private delegate bool Converter<T>(string text, out T value);

    /// <summary>A kind of value: how to read it, and what the error says an option of this kind needs.</summary>
    private sealed record Kind<T>(string Expects, Converter<T> TryConvert);

    private static readonly Kind<string> Text = new("needs a value", (string text, out string value) =>
    {
        value = text;
        return true;
    });

    private static readonly Kind<string?> OptionalText = new("needs a value", (string text, out string? value) =>
    {
        value = text;
        return true;
    });

    private static readonly Kind<double> Number = new("needs a number", TryNumber);

    /// <summary>A number of seconds that fits a <see cref="TimeSpan"/>; its sign is checked with the other ranges.</summary>
    private static readonly Kind<double> Seconds = new("needs a number of seconds", (string text, out double value) =>
        TryNumber(text, out value) && Math.Abs(value) < TimeSpan.MaxValue.TotalSeconds);

    private static readonly Kind<int> Integer = new("needs an integer", (string text, out int value) =>
        int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out value));

    private static readonly Kind<int?> OptionalInteger = new("needs an integer", (string text, out int? value) =>
    {
        var ok = int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number);
        value = number;
        return ok;
    });

    private static readonly Kind<long> Long = new("needs an integer", (string text, out long value) =>
        long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out value));

    private static readonly Kind<decimal> Money = new("needs an amount such as 10.00", (string text, out decimal value) =>
        decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out value));

    private static readonly Kind<KeyValuePair<string, TimeSpan>> ModelLatency = new("needs MODEL=SECONDS, e.g. luma/photon=5",
        (string text, out KeyValuePair<string, TimeSpan> value) =>
        {
            var separator = text.LastIndexOf('=');
            if (separator > 0 && Seconds.TryConvert(text[(separator + 1)..], out var seconds))
            {
                value = new(text[..separator], TimeSpan.FromSeconds(seconds));
                return true;
            }

            value = default;
            return false;
        });

    private static readonly Kind<RateLimitTier> Tier = new("needs none, bronze, silver, gold or ultra", (string text, out RateLimitTier value) =>
    {
        value = text.ToUpperInvariant() switch
        {
            "NONE" or "OFF" => RateLimitTier.None,
            "BRONZE" => RateLimitTier.Bronze,
            "SILVER" => RateLimitTier.Silver,
            "GOLD" => RateLimitTier.Gold,
            "ULTRA" => RateLimitTier.Ultra,
            _ => (RateLimitTier)(-1),
        };
        return Enum.IsDefined(value);
    });

    private static readonly Kind<EmulatorImageFormat> ImageFormat = new("needs png or jpeg", (string text, out EmulatorImageFormat value) =>
    {
        value = text.ToUpperInvariant() switch
        {
            "PNG" => EmulatorImageFormat.Png,
            "JPEG" or "JPG" => EmulatorImageFormat.Jpeg,
            _ => (EmulatorImageFormat)(-1),
        };
        return Enum.IsDefined(value);
    });

    private static bool TryNumber(string text, out double value) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value) && double.IsFinite(value);
}
