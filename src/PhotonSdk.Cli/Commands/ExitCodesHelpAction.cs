using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;
using System.Globalization;
using PhotonSdk.Cli.Errors;

namespace PhotonSdk.Cli.Commands;

/// <summary>
/// The standard help, followed on the top-level help by what the generated help cannot know: the exit codes, so that
/// scripts can be written from <c>photon --help</c> alone. A command's help points there rather than repeating them.
/// </summary>
internal sealed class ExitCodesHelpAction : SynchronousCommandLineAction
{
    private readonly HelpAction _standardHelp;

    public ExitCodesHelpAction(HelpAction standardHelp)
    {
        _standardHelp = standardHelp;
    }

    public override bool ClearsParseErrors => true;

    public override int Invoke(ParseResult parseResult)
    {
        ArgumentNullException.ThrowIfNull(parseResult);
        var result = _standardHelp.Invoke(parseResult);
        var output = parseResult.InvocationConfiguration.Output;
        if (parseResult.CommandResult.Command is not RootCommand)
        {
            output.WriteLine("Exit codes: see photon --help.");
            output.WriteLine();
            return result;
        }

        output.WriteLine("Exit codes:");
        foreach (var (code, meaning) in ExitCodes.All)
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {code,-5}{meaning}"));
        }

        output.WriteLine();
        return result;
    }
}
