using PhotonSdk.Cli.Errors;

namespace PhotonSdk.Cli.Tests.Errors;

public sealed class FailureTests
{
    public static TheoryData<Exception, int> Classes => new()
    {
        { new ArgumentException("bad"), ExitCodes.InvalidInput },
        { new FileNotFoundException("missing"), ExitCodes.InvalidInput },
        { new PhotonInvalidRequestException("400"), ExitCodes.InvalidInput },
        { new PhotonAuthenticationException("401"), ExitCodes.Authentication },
        { new PhotonRateLimitedException("429"), ExitCodes.RateLimited },
        { new PhotonContentModerationException("1200"), ExitCodes.ContentModeration },
        { new PhotonPredictionFailedException("failed", PredictionStatus.Failed), ExitCodes.PredictionFailed },
        { new PhotonWaitTimeoutException("too slow", PredictionStatus.Processing, TimeSpan.FromMinutes(10)), ExitCodes.WaitTimedOut },
        { new PhotonSubmissionUncertainException("lost"), ExitCodes.SubmissionUncertain },
        { new PhotonServerException("503"), ExitCodes.ServerOrNetwork },
        { new PhotonException("download failed"), ExitCodes.ServerOrNetwork },
        { new HttpRequestException("connection refused"), ExitCodes.ServerOrNetwork },
        { new PhotonPredictionNotFoundException("404"), ExitCodes.PredictionNotFound },
        { new OperationCanceledException(), ExitCodes.Cancelled },
        { new InvalidOperationException("bug"), ExitCodes.Unexpected },
    };

    [Theory]
    [MemberData(nameof(Classes))]
    public void Each_failure_class_has_its_own_exit_code(Exception exception, int exitCode) =>
        Assert.Equal(exitCode, Failure.From(exception).ExitCode);

    [Fact]
    public void An_unexpected_error_is_one_line_without_a_stack_or_a_type_name()
    {
        Exception thrown;
        try
        {
            throw new InvalidOperationException("The list was changed while it was read.");
        }
        catch (InvalidOperationException e)
        {
            thrown = e;
        }

        var failure = Failure.From(thrown);

        Assert.Equal("Unexpected error: The list was changed while it was read.", failure.Message);
    }

    [Fact]
    public void An_image_that_could_not_be_saved_gives_the_command_that_fetches_it()
    {
        var notSaved = new PhotonImageSaveException("Prediction abc123 finished and is billed, but its image could not be saved.", new Uri("https://cdn.example/abc123/0.png"), "/tmp/my images/fox.png")
        {
            PredictionId = "abc123",
        };

        var failure = Failure.From(notSaved);

        Assert.Equal(ExitCodes.NotSaved, failure.ExitCode);
        Assert.Equal("abc123", failure.PredictionId);
        Assert.EndsWith("Fetch it with: photon get abc123 --out '/tmp/my images/fox.png'", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_cancelled_wait_names_the_prediction_to_resume()
    {
        var failure = Failure.From(new PhotonCanceledException("stopped", "abc123", predictionMayExist: true, null, CancellationToken.None));

        Assert.Equal(ExitCodes.Cancelled, failure.ExitCode);
        Assert.Equal("abc123", failure.PredictionId);
        Assert.Contains("photon get abc123", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_cancelled_submit_without_an_id_points_to_the_history()
    {
        var failure = Failure.From(new PhotonCanceledException("stopped", null, predictionMayExist: true, null, CancellationToken.None));

        Assert.Contains("photon history", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Exit_codes_are_distinct()
    {
        var codes = ExitCodes.All.Select(c => c.Code).ToList();
        Assert.Equal(codes.Count, codes.Distinct().Count());
    }
}
