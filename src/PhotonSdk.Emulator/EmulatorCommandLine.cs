using System.Globalization;

namespace PhotonSdk.Emulator;

/// <summary>
/// The emulator's command line, read into <see cref="EmulatorOptions"/>. Options take their value as the next
/// argument or after <c>=</c> (<c>--seed 7</c> or <c>--seed=7</c>); repeatable ones may be given more than once.
/// </summary>
public sealed class EmulatorCommandLine
{
    /// <summary>The help text listing every option.</summary>
    public const string Usage = """
        WaveSpeed API emulator: a local, offline stand-in for https://api.wavespeed.ai/api/v3.

        Usage: dotnet run --project src/PhotonSdk.Emulator -- [options]

          --urls URLS                       where to listen (default http://127.0.0.1:0, a free port)
          --api-key KEY                     accept only this Bearer key; repeatable (default: any non-empty key)
          --latency-scale X                 multiply model latencies and the sync window (default 1; 0 = instant)
          --model-latency MODEL=SECONDS     unscaled latency of one model; repeatable (default 3 s flash, 8 s others)
          --latency-jitter SHARE            spread each latency evenly within this share either side, 0 to <1 (default 0)
          --sync-timeout SECONDS            sync-mode window before the 5004 answer, unscaled (default 60)
          --rate-limit-tier TIER            none, bronze, silver, gold or ultra (default none)
          --seed N                          make ids, faults and images repeatable
          --initial-balance USD             starting balance (default 10.00)
          --webhook-secret whsec_...        webhook signing secret (default: random)
          --max-upload-bytes N              larger uploads get 413 (default 314572800)
          --image-format png|jpeg           output encoding (default png)
          --moderation-word WORD            prompts containing it fail with 1200; repeatable
          --failure-rate R                  share of predictions that fail, 0 to 1 (default 0)
          --failure-code CODE               their task code: 1403, 1405, 5000 or 5003 (default 1403)
          --server-error-rate R             share of API requests answered 5xx (default 0)
          --server-error-status CODE        that status (default 503)
          --server-error-keeps-submission   a submit answered 5xx still creates its prediction
          --slow-rate R                     share of API requests delayed (default 0)
          --slow-delay SECONDS              by how long (default 2)
          -h, --help                        show this text
        """;

    private EmulatorCommandLine(EmulatorOptions options, bool showHelp)
    {
        Options = options;
        ShowHelp = showHelp;
    }

    /// <summary>The options the arguments describe.</summary>
    public EmulatorOptions Options { get; }

    /// <summary>Whether help was asked for, in which case nothing should be started.</summary>
    public bool ShowHelp { get; }

    /// <summary>Reads the emulator's command-line arguments.</summary>
    /// <param name="args">The arguments, without the program name.</param>
    /// <returns>The options, or a request for help.</returns>
    /// <exception cref="ArgumentException">An option is unknown, lacks its value or has a bad one; the message says which.</exception>
    public static EmulatorCommandLine Parse(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var options = new EmulatorOptions();
        var showHelp = false;
        for (var index = 0; index < args.Count; index++)
        {
            var argument = args[index];
            var equals = argument.IndexOf('=', StringComparison.Ordinal);
            var name = argument.StartsWith("--", StringComparison.Ordinal) && equals > 0 ? argument[..equals] : argument;
            string? inlineValue = name.Length < argument.Length ? argument[(equals + 1)..] : null;

            string Value()
            {
                if (inlineValue is not null)
                {
                    return inlineValue;
                }

                if (index + 1 >= args.Count)
                {
                    throw new ArgumentException($"Option {name} needs a value.", nameof(args));
                }

                return args[++index];
            }

            switch (name)
            {
                case "-h" or "--help" or "-?":
                    showHelp = true;
                    break;
                case "--urls":
                    options.Urls = Value();
                    break;
                case "--api-key":
                    options.ApiKeys.Add(NonEmpty(name, Value()));
                    break;
                case "--latency-scale":
                    options.LatencyScale = Number(name, Value());
                    break;
                case "--latency-jitter":
                    options.LatencyJitter = Number(name, Value());
                    break;
                case "--model-latency":
                    var (model, seconds) = ModelLatency(name, Value());
                    options.ModelLatencies[model] = seconds;
                    break;
                case "--sync-timeout":
                    options.SyncModeTimeout = Seconds(name, Value());
                    break;
                case "--rate-limit-tier":
                    options.RateLimitTier = Tier(name, Value());
                    break;
                case "--seed":
                    options.Seed = Integer(name, Value());
                    break;
                case "--initial-balance":
                    options.InitialBalance = Money(name, Value());
                    break;
                case "--webhook-secret":
                    options.WebhookSecret = Value();
                    break;
                case "--max-upload-bytes":
                    options.MaxUploadBytes = Long(name, Value());
                    break;
                case "--image-format":
                    options.ImageFormat = ImageFormat(name, Value());
                    break;
                case "--moderation-word":
                    options.Faults.ModerationWords.Add(NonEmpty(name, Value()));
                    break;
                case "--failure-rate":
                    options.Faults.FailureRate = Number(name, Value());
                    break;
                case "--failure-code":
                    options.Faults.FailureCode = Integer(name, Value());
                    break;
                case "--server-error-rate":
                    options.Faults.ServerErrorRate = Number(name, Value());
                    break;
                case "--server-error-status":
                    options.Faults.ServerErrorStatusCode = Integer(name, Value());
                    break;
                case "--server-error-keeps-submission":
                    options.Faults.ServerErrorKeepsSubmission = inlineValue is null || Flag(name, inlineValue);
                    break;
                case "--slow-rate":
                    options.Faults.SlowResponseRate = Number(name, Value());
                    break;
                case "--slow-delay":
                    options.Faults.SlowResponseDelay = Seconds(name, Value());
                    break;
                default:
                    throw new ArgumentException($"Unknown option {argument}. Run with --help for the list.", nameof(args));
            }
        }

        if (!showHelp)
        {
            options.Validate();
        }

        return new EmulatorCommandLine(options, showHelp);
    }

    private static string NonEmpty(string name, string value) =>
        string.IsNullOrWhiteSpace(value) ? throw new ArgumentException($"Option {name} needs a non-empty value.", nameof(name)) : value;

    private static double Number(string name, string value) =>
        double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && double.IsFinite(number)
            ? number
            : throw new ArgumentException($"Option {name} needs a number, not '{value}'.", nameof(name));

    private static decimal Money(string name, string value) =>
        decimal.TryParse(value, NumberStyles.Number, CultureInfo.InvariantCulture, out var amount)
            ? amount
            : throw new ArgumentException($"Option {name} needs an amount such as 10.00, not '{value}'.", nameof(name));

    private static bool Flag(string name, string value) =>
        bool.TryParse(value, out var flag)
            ? flag
            : throw new ArgumentException($"Option {name} takes no value, or =true or =false, not '{value}'.", nameof(name));

    private static int Integer(string name, string value) =>
        int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number)
            ? number
            : throw new ArgumentException($"Option {name} needs an integer, not '{value}'.", nameof(name));

    private static long Long(string name, string value) =>
        long.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number)
            ? number
            : throw new ArgumentException($"Option {name} needs an integer, not '{value}'.", nameof(name));

    private static TimeSpan Seconds(string name, string value)
    {
        var seconds = Number(name, value);
        return seconds >= 0 ? TimeSpan.FromSeconds(seconds) : throw new ArgumentException($"Option {name} cannot be negative.", nameof(name));
    }

    private static (string Model, TimeSpan Latency) ModelLatency(string name, string value)
    {
        var separator = value.LastIndexOf('=');
        return separator > 0
            ? (value[..separator], Seconds(name, value[(separator + 1)..]))
            : throw new ArgumentException($"Option {name} needs MODEL=SECONDS, e.g. luma/photon=5, not '{value}'.", nameof(name));
    }

    private static RateLimitTier Tier(string name, string value) =>
        value.ToUpperInvariant() switch
        {
            "NONE" or "OFF" => RateLimitTier.None,
            "BRONZE" => RateLimitTier.Bronze,
            "SILVER" => RateLimitTier.Silver,
            "GOLD" => RateLimitTier.Gold,
            "ULTRA" => RateLimitTier.Ultra,
            _ => throw new ArgumentException($"Option {name} needs none, bronze, silver, gold or ultra, not '{value}'.", nameof(name)),
        };

    private static EmulatorImageFormat ImageFormat(string name, string value) =>
        value.ToUpperInvariant() switch
        {
            "PNG" => EmulatorImageFormat.Png,
            "JPEG" or "JPG" => EmulatorImageFormat.Jpeg,
            _ => throw new ArgumentException($"Option {name} needs png or jpeg, not '{value}'.", nameof(name)),
        };
}
