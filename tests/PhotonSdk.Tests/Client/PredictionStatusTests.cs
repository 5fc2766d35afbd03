namespace PhotonSdk.Tests.Client;

public sealed class PredictionStatusTests
{
    [Theory]
    [InlineData("completed", true, true)]
    [InlineData("failed", true, true)]
    [InlineData("cancelled", true, true)]
    [InlineData("timeout", true, true)]
    [InlineData("deleted", true, true)]
    [InlineData("created", false, true)]
    [InlineData("pending", false, true)]
    [InlineData("processing", false, true)]
    [InlineData("Processing", false, true)]
    [InlineData("queued_for_gpu", false, false)]
    public void Terminal_and_known_statuses(string name, bool terminal, bool known)
    {
        var status = new PredictionStatus(name);
        Assert.Equal(terminal, status.IsTerminal);
        Assert.Equal(known, status.IsKnown);
        Assert.Equal(name.ToLowerInvariant(), status.ToString());
    }

    [Fact]
    public void A_default_status_is_unknown_and_not_terminal()
    {
        var status = default(PredictionStatus);
        Assert.Equal("unknown", status.Value);
        Assert.False(status.IsTerminal);
        Assert.NotEqual(PredictionStatus.Created, status);
    }

    [Theory]
    [InlineData("completed")]
    [InlineData("COMPLETED")]
    [InlineData(" Completed\n")]
    public void Spelling_and_padding_do_not_change_a_status(string name)
    {
        var status = new PredictionStatus(name);
        Assert.Equal(PredictionStatus.Completed, status);
        Assert.Equal("completed", status.Value);
        Assert.NotEqual(PredictionStatus.Processing, status);
    }
}
