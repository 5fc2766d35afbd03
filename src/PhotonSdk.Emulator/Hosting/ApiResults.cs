using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.Http;

namespace PhotonSdk.Emulator.Hosting;

/// <summary>Writes the API's response bodies: the success envelope and the loose error shapes.</summary>
internal static class ApiResults
{
    public const string Success = "success";

    /// <summary>HTTP 200 with <c>{code: 200, message: "success", data}</c>.</summary>
    public static Task OkAsync<T>(HttpContext context, T data, JsonTypeInfo<Envelope<T>> typeInfo) =>
        WriteAsync(context, StatusCodes.Status200OK, new Envelope<T> { Code = StatusCodes.Status200OK, Message = Success, Data = data }, typeInfo);

    /// <summary>An error status with <c>{code, message, data}</c>; <c>data</c> carries a task code when there is one.</summary>
    public static Task ErrorAsync(HttpContext context, int statusCode, string message, TaskError? data = null) =>
        WriteAsync(context, statusCode, new Envelope<TaskError> { Code = statusCode, Message = message, Data = data }, EmulatorJsonContext.Wire.EnvelopeTaskError);

    /// <summary>HTTP 400 naming a bad parameter, with its task code (1400 missing, 1401 invalid) in <c>data</c>.</summary>
    public static Task InvalidParameterAsync(HttpContext context, int taskCode, string message) =>
        ErrorAsync(context, StatusCodes.Status400BadRequest, message, new TaskError { Code = taskCode, Error = message });

    /// <summary>An error status with the bare <c>{"error": "..."}</c> body.</summary>
    public static Task BareErrorAsync(HttpContext context, int statusCode, string error) =>
        WriteAsync(context, statusCode, new BareError { Error = error }, EmulatorJsonContext.Wire.BareError);

    private static Task WriteAsync<T>(HttpContext context, int statusCode, T body, JsonTypeInfo<T> typeInfo)
    {
        context.Response.StatusCode = statusCode;
        return context.Response.WriteAsJsonAsync(body, typeInfo, contentType: "application/json; charset=utf-8", context.RequestAborted);
    }
}
