using Microsoft.AspNetCore.Mvc.ActionConstraints;
using Microsoft.AspNetCore.Mvc.ApplicationModels;
using Microsoft.AspNetCore.Routing;

namespace NewsPortal.Routing;

/// <summary>
/// Every GET action answers HEAD too, as HTTP expects (curl -I, link checkers, feed readers): [HttpGet] alone matches
/// only GET. Kestrel sends the headers of the rendered response and drops its body.
/// </summary>
public sealed class AnswerHeadLikeGet : IActionModelConvention
{
    private static readonly string[] GetAndHead = [HttpMethods.Get, HttpMethods.Head];

    public void Apply(ActionModel action)
    {
        foreach (var selector in action.Selectors)
        {
            var constraint = selector.ActionConstraints.OfType<HttpMethodActionConstraint>().FirstOrDefault(IsGetOnly);
            if (constraint is null) continue;
            selector.ActionConstraints.Remove(constraint);
            selector.ActionConstraints.Add(new HttpMethodActionConstraint(GetAndHead));
            var metadata = selector.EndpointMetadata.OfType<HttpMethodMetadata>().FirstOrDefault();
            if (metadata is not null) selector.EndpointMetadata.Remove(metadata);
            selector.EndpointMetadata.Add(new HttpMethodMetadata(GetAndHead));
        }
    }

    private static bool IsGetOnly(HttpMethodActionConstraint constraint) =>
        constraint.HttpMethods.Count() == 1 && constraint.HttpMethods.Single() == HttpMethods.Get;
}
