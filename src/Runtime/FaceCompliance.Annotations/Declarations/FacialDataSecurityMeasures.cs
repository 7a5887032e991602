using System;

namespace FaceCompliance;

/// <summary>
/// The security measures a facial recognition system takes (Measures Art. 14: 数据加密、安全审计、访问控制、授权管理、
/// 入侵检测和防御), declared on the processor and written into the filing materials (Art. 15).
/// </summary>
[Flags]
public enum FacialDataSecurityMeasures
{
    /// <summary>No measure declared.</summary>
    None = 0,

    /// <summary>Face information is encrypted at rest and in transit (数据加密).</summary>
    DataEncryption = 1,

    /// <summary>Every operation on face information is recorded in an audit trail (安全审计).</summary>
    SecurityAudit = 2,

    /// <summary>Only authorised staff and systems can reach face information (访问控制).</summary>
    AccessControl = 4,

    /// <summary>Permissions are granted, reviewed and revoked by a defined procedure (授权管理).</summary>
    AuthorizationManagement = 8,

    /// <summary>Intrusions are detected and prevented (入侵检测和防御).</summary>
    IntrusionDetection = 16,
}
