using System.Text.RegularExpressions;

namespace PhotonSdk.Tests.Docs;

/// <summary>
/// Every C# snippet in the README is quoted from a sample that the solution compiles (and CI runs), so a snippet
/// cannot drift from code that builds.
/// </summary>
public sealed partial class ReadmeSnippetTests
{
    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "PhotonSdk.sln"))) directory = directory.Parent;
        return directory?.FullName ?? throw new InvalidOperationException("The repository root (PhotonSdk.sln) was not found.");
    }

    private static string Normalize(string code) =>
        string.Join("\n", code.Split('\n').Select(line => line.Trim()).Where(line => line.Length > 0));

    public static TheoryData<int, string> Snippets()
    {
        var readme = File.ReadAllText(Path.Combine(RepositoryRoot(), "README.md"));
        var data = new TheoryData<int, string>();
        var index = 0;
        foreach (Match match in CSharpBlock().Matches(readme)) data.Add(++index, match.Groups["code"].Value);
        return data;
    }

    [Fact]
    public void The_readme_has_csharp_snippets() => Assert.True(Snippets().Count >= 8);

    [Theory]
    [MemberData(nameof(Snippets))]
    public void Each_csharp_snippet_is_quoted_from_a_compiled_sample(int number, string snippet)
    {
        var samples = Directory.EnumerateFiles(Path.Combine(RepositoryRoot(), "samples"), "*.cs", SearchOption.AllDirectories)
            .Where(path => !path.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Select(path => Normalize(File.ReadAllText(path).ReplaceLineEndings("\n")));

        Assert.True(samples.Any(sample => sample.Contains(Normalize(snippet), StringComparison.Ordinal)),
            $"README snippet {number} is not found in any file under samples/:\n{snippet}");
    }

    [GeneratedRegex("```csharp\\n(?<code>.*?)```", RegexOptions.Singleline)]
    private static partial Regex CSharpBlock();
}
