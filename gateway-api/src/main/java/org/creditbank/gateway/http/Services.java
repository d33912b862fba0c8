package org.creditbank.gateway.http;

import org.creditbank.gateway.auth.TokenRegistry;
import org.creditbank.gateway.credential.CredentialService;
import org.creditbank.gateway.demand.DemandService;
import org.creditbank.gateway.importing.ImportService;
import org.creditbank.gateway.institution.InstitutionService;
import org.creditbank.gateway.learner.Activations;
import org.creditbank.gateway.learner.LearnerService;
import org.creditbank.gateway.notification.NotificationStream;
import org.creditbank.gateway.notification.Notifications;
import org.creditbank.gateway.outcome.OutcomeService;
import org.creditbank.gateway.points.PointsService;
import org.creditbank.gateway.qualification.QualificationService;
import org.creditbank.gateway.readmodel.ReadModelService;
import org.creditbank.gateway.recognition.RecognitionApplications;
import org.creditbank.gateway.recognition.RecognitionService;
import org.creditbank.gateway.share.ShareService;
import org.creditbank.gateway.teacher.TeacherService;
import org.creditbank.gateway.verification.VerificationService;
import org.creditbank.gateway.wallet.WalletOffers;

/** Everything the HTTP layer calls into, wired once at start-up. */
public record Services(
        TokenRegistry tokens,
        OutcomeService outcomes,
        RecognitionService recognition,
        RecognitionApplications applications,
        PointsService points,
        DemandService demand,
        TeacherService teachers,
        LearnerService learners,
        VerificationService verification,
        InstitutionService institutions,
        ImportService imports,
        CredentialService credentials,
        WalletOffers wallet,
        ShareService shares,
        ReadModelService readModel,
        Notifications notifications,
        NotificationStream notificationStream,
        Metrics metrics,
        QualificationService qualifications,
        Activations activations) {
}
