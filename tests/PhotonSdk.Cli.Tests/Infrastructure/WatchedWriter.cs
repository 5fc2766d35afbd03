using System.Text;

namespace PhotonSdk.Cli.Tests.Infrastructure;

/// <summary>
/// A thread-safe text sink that lets a test wait until the tool has written something (e.g. a prediction id) before
/// it acts, instead of sleeping for a guessed time.
/// </summary>
public sealed class WatchedWriter : TextWriter
{
    private readonly Lock _gate = new();
    private readonly StringBuilder _text = new();
    private readonly List<(string Text, TaskCompletionSource<string> Seen)> _watches = [];

    public override Encoding Encoding => Encoding.UTF8;

    public override void Write(char value) => Write(value.ToString());

    public override void Write(string? value)
    {
        if (string.IsNullOrEmpty(value)) return;
        lock (_gate)
        {
            _text.Append(value);
            var text = _text.ToString();
            foreach (var watch in _watches.Where(w => text.Contains(w.Text, StringComparison.Ordinal)).ToList())
            {
                _watches.Remove(watch);
                watch.Seen.TrySetResult(text);
            }
        }
    }

    public override void Write(char[] buffer, int index, int count) => Write(new string(buffer, index, count));

    /// <summary>Completes with everything written so far once <paramref name="text"/> has been written.</summary>
    public Task<string> WhenWrittenAsync(string text)
    {
        lock (_gate)
        {
            var all = _text.ToString();
            if (all.Contains(text, StringComparison.Ordinal)) return Task.FromResult(all);
            var seen = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
            _watches.Add((text, seen));
            return seen.Task;
        }
    }

    public override string ToString()
    {
        lock (_gate) return _text.ToString();
    }
}
