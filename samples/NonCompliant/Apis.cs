using System;
using System.Collections.Generic;
using FaceCompliance;

namespace NonCompliant
{
    /// <summary>This project's own face engine: every member is a processing API.</summary>
    public sealed class FaceEngine
    {
        /// <summary>Counts the faces in a frame.</summary>
        /// <param name="frame">The frame.</param>
        /// <returns>The number of faces.</returns>
        [ProcessesFacialData(FacialProcessingMethod.Detection)]
        public int CountFaces(byte[] frame) => frame.Length > 0 ? 1 : 0;

        /// <summary>Compares a frame with one enrolled template (1:1).</summary>
        /// <param name="enrolled">The template.</param>
        /// <param name="frame">The frame.</param>
        /// <returns>Whether they match.</returns>
        [ProcessesFacialData(FacialProcessingMethod.Verification)]
        public bool Verify(byte[] enrolled, byte[] frame) => enrolled.AsSpan().SequenceEqual(frame);

        /// <summary>Searches all residents for the face in a frame (1:N).</summary>
        /// <param name="frame">The frame.</param>
        /// <returns>The resident found, if any.</returns>
        [ProcessesFacialData(FacialProcessingMethod.Identification)]
        public string? Identify(byte[] frame) => frame.Length > 0 ? "someone" : null;
    }

    /// <summary>Consent records with the checks the analyzers recognise; none of them knows a person's age (FC0017).</summary>
    public sealed class ConsentRegistry
    {
        private readonly HashSet<(Type Purpose, string PersonId)> given = new();
        private readonly HashSet<(Type Purpose, string PersonId)> transfers = new();
        private readonly HashSet<(Type Purpose, string PersonId)> provisions = new();

        /// <summary>Records consent.</summary>
        /// <typeparam name="TPurpose">The purpose.</typeparam>
        /// <param name="personId">The person.</param>
        public void Give<TPurpose>(string personId) => given.Add((typeof(TPurpose), personId));

        /// <summary>Throws unless the person consented to <typeparamref name="TPurpose"/>.</summary>
        /// <typeparam name="TPurpose">The purpose.</typeparam>
        /// <param name="personId">The person.</param>
        [FacialConsentCheck]
        public void Ensure<TPurpose>(string personId)
        {
            if (!given.Contains((typeof(TPurpose), personId)))
            {
                throw new InvalidOperationException($"{personId} has not consented to {typeof(TPurpose).Name}.");
            }
        }

        /// <summary>
        /// Throws unless the person consented to <typeparamref name="TPurpose"/> and, separately, to sending their face
        /// data off the device (FC0018).
        /// </summary>
        /// <typeparam name="TPurpose">The purpose.</typeparam>
        /// <param name="personId">The person.</param>
        [FacialConsentCheck(Scopes = FacialConsentScopes.Transfer)]
        public void EnsureTransfer<TPurpose>(string personId)
        {
            Ensure<TPurpose>(personId);
            if (!transfers.Contains((typeof(TPurpose), personId)))
            {
                throw new InvalidOperationException($"{personId} has not consented to sending face data off the device for {typeof(TPurpose).Name}.");
            }
        }

        /// <summary>Records the separate consent to sending face data off the device for <typeparamref name="TPurpose"/>.</summary>
        /// <typeparam name="TPurpose">The purpose.</typeparam>
        /// <param name="personId">The person.</param>
        public void GiveTransfer<TPurpose>(string personId) => transfers.Add((typeof(TPurpose), personId));

        /// <summary>
        /// Throws unless the person consented to <typeparamref name="TPurpose"/> and, separately, to providing their face
        /// data to another processor (FC0018).
        /// </summary>
        /// <typeparam name="TPurpose">The purpose.</typeparam>
        /// <param name="personId">The person.</param>
        [FacialConsentCheck(Scopes = FacialConsentScopes.Provision)]
        public void EnsureProvision<TPurpose>(string personId)
        {
            Ensure<TPurpose>(personId);
            if (!provisions.Contains((typeof(TPurpose), personId)))
            {
                throw new InvalidOperationException($"{personId} has not consented to providing face data to another processor for {typeof(TPurpose).Name}.");
            }
        }

        /// <summary>Records the separate consent to providing face data to another processor for <typeparamref name="TPurpose"/>.</summary>
        /// <typeparam name="TPurpose">The purpose.</typeparam>
        /// <param name="personId">The person.</param>
        public void GiveProvision<TPurpose>(string personId) => provisions.Add((typeof(TPurpose), personId));

        /// <summary>Throws unless the person consented to anything; its purpose cannot be determined.</summary>
        /// <param name="personId">The person.</param>
        [FacialConsentCheck]
        public void EnsureAny(string personId)
        {
            foreach ((Type _, string id) in given)
            {
                if (id == personId)
                {
                    return;
                }
            }

            throw new InvalidOperationException($"{personId} has not consented to anything.");
        }
    }
}

namespace NonCompliant.Vendor
{
    /// <summary>
    /// Stands in for a third-party face SDK that carries no FaceCompliance attributes; FacialDataApis.txt lists
    /// its members instead.
    /// </summary>
    public sealed class FaceScanner
    {
        /// <summary>Scans a frame for faces.</summary>
        /// <param name="frame">The frame.</param>
        /// <returns>The number of faces.</returns>
        public int Scan(byte[] frame) => frame.Length > 0 ? 1 : 0;

        /// <summary>Calibrates the camera.</summary>
        public void Calibrate()
        {
        }
    }

    /// <summary>
    /// Stands in for a cloud face service (as Azure Face or AWS Rekognition): the frame is sent over the internet.
    /// FacialDataApis.txt lists it with the OffDevice flag.
    /// </summary>
    public sealed class CloudFaceService
    {
        /// <summary>Compares a frame with the person's face enrolled in the cloud (1:1).</summary>
        /// <param name="personId">The person claimed.</param>
        /// <param name="frame">The frame.</param>
        /// <returns>Whether they match.</returns>
        public bool Verify(string personId, byte[] frame) => personId.Length > 0 && frame.Length > 0;
    }
}
