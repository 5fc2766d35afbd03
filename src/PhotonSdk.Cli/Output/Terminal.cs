using Spectre.Console;

namespace PhotonSdk.Cli.Output;

/// <summary>
/// The two streams of a run. Results go to stdout and nothing else does, so that <c>--json</c> output and saved paths
/// can be piped; the emulator notice, live status, progress and errors go to stderr. Spinners and progress bars are
/// drawn only when stderr is a terminal.
/// </summary>
internal sealed class Terminal
{
    private const int RedirectedWidth = 160;

    public Terminal(TextWriter stdout, TextWriter stderr, bool isInteractive)
    {
        Out = stdout;
        Error = stderr;
        IsInteractive = isInteractive;
        OutConsole = Create(stdout, interactive: false);
        ErrorConsole = Create(stderr, isInteractive);

        // Redirected output has no width to fit; wrapping ids and messages at Spectre's default 80 columns would break
        // them for the scripts and logs that read it.
        if (!ReferenceEquals(stdout, Console.Out) || Console.IsOutputRedirected) OutConsole.Profile.Width = RedirectedWidth;
    }

    public TextWriter Out { get; }

    public TextWriter Error { get; }

    /// <summary>Whether a person is watching stderr, so that live displays are worth drawing.</summary>
    public bool IsInteractive { get; }

    /// <summary>stdout for tables; plain text without colours, as it is often redirected.</summary>
    public IAnsiConsole OutConsole { get; }

    /// <summary>stderr for live status, progress and per-item notes.</summary>
    public IAnsiConsole ErrorConsole { get; }

    /// <summary>A note on stderr: through the live display on a terminal (so that it lands above a progress bar), else as a plain line.</summary>
    public void Note(string text, bool isProblem)
    {
        if (IsInteractive) ErrorConsole.WriteLine(text, isProblem ? new Style(Color.Red) : Style.Plain);
        else Error.WriteLine(text);
    }

    private static IAnsiConsole Create(TextWriter writer, bool interactive) => AnsiConsole.Create(new AnsiConsoleSettings
    {
        Ansi = interactive ? AnsiSupport.Detect : AnsiSupport.No,
        ColorSystem = interactive ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
        Interactive = interactive ? InteractionSupport.Yes : InteractionSupport.No,
        Out = new AnsiConsoleOutput(writer),
    });
}
