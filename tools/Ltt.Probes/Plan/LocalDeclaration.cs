using Ltt.Tracepoints.Model;

namespace Ltt.Probes.Plan;

/// <summary>
/// A variable TP_fast_assign declares and sets once (<c>struct hfi1_qp_priv *priv = qp-&gt;priv;</c>),
/// which a field's value reads: the probe declares it (<see cref="Declaration"/>, <c>struct
/// hfi1_qp_priv *priv</c>) and sets it (<c>priv = qp-&gt;priv;</c>) before computing the value.
/// </summary>
public sealed record LocalDeclaration(string Name, string Declaration, CFragment Value, SourceLocation Location)
{
    /// <summary>The statement that sets it, as the probe writes it.</summary>
    public string Assignment => $"{Name} = {Value.Text};";
}
