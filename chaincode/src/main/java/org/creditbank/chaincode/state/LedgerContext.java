package org.creditbank.chaincode.state;

import org.hyperledger.fabric.contract.Context;
import org.hyperledger.fabric.shim.ChaincodeStub;

/**
 * A transaction's context with its one {@link Ledger} and a store per record type on top of it:
 * every read and write of the transaction goes through them, so the ledger's collected writes are
 * complete when {@link LedgerContract} flushes them. Contracts reach records only through these
 * stores, never through one another.
 */
public final class LedgerContext extends Context {

    private final Ledger ledger;
    private final InstitutionStore institutions;
    private final AccountStore accounts;
    private final PersonalDataStore personalData;
    private final OutcomeStore outcomes;
    private final RuleStore rules;
    private final RecognitionStore recognitions;
    private final ApplicationStore applications;
    private final QualificationStore qualifications;
    private final SigningKeyStore signingKeys;
    private final PointsPolicyStore pointsPolicies;
    private final ConfirmationStore confirmations;
    private final PointsEntryStore pointsEntries;
    private final RedemptionStore redemptions;
    private final TalentDemandStore demand;
    private final MajorStore majors;
    private final ThresholdsStore thresholds;
    private final TeacherStore teachers;
    private final GradingRuleStore gradingRules;

    public LedgerContext(ChaincodeStub stub) {
        super(stub);
        this.ledger = new Ledger(stub);
        this.institutions = new InstitutionStore(ledger);
        this.accounts = new AccountStore(ledger);
        this.personalData = new PersonalDataStore(ledger);
        this.outcomes = new OutcomeStore(ledger);
        this.rules = new RuleStore(ledger);
        this.recognitions = new RecognitionStore(ledger);
        this.applications = new ApplicationStore(ledger);
        this.qualifications = new QualificationStore(ledger);
        this.signingKeys = new SigningKeyStore(ledger);
        this.pointsPolicies = new PointsPolicyStore(ledger);
        this.confirmations = new ConfirmationStore(ledger);
        this.pointsEntries = new PointsEntryStore(ledger);
        this.redemptions = new RedemptionStore(ledger);
        this.demand = new TalentDemandStore(ledger);
        this.majors = new MajorStore(ledger);
        this.thresholds = new ThresholdsStore(ledger);
        this.teachers = new TeacherStore(ledger);
        this.gradingRules = new GradingRuleStore(ledger);
    }

    /** The transaction's clock, id, event and transient data. */
    public Ledger ledger() {
        return ledger;
    }

    public InstitutionStore institutions() {
        return institutions;
    }

    public AccountStore accounts() {
        return accounts;
    }

    public PersonalDataStore personalData() {
        return personalData;
    }

    public OutcomeStore outcomes() {
        return outcomes;
    }

    public RuleStore rules() {
        return rules;
    }

    public RecognitionStore recognitions() {
        return recognitions;
    }

    public ApplicationStore applications() {
        return applications;
    }

    public QualificationStore qualifications() {
        return qualifications;
    }

    public SigningKeyStore signingKeys() {
        return signingKeys;
    }

    public PointsPolicyStore pointsPolicies() {
        return pointsPolicies;
    }

    public ConfirmationStore confirmations() {
        return confirmations;
    }

    public PointsEntryStore pointsEntries() {
        return pointsEntries;
    }

    public RedemptionStore redemptions() {
        return redemptions;
    }

    public TalentDemandStore demand() {
        return demand;
    }

    public MajorStore majors() {
        return majors;
    }

    public ThresholdsStore thresholds() {
        return thresholds;
    }

    public TeacherStore teachers() {
        return teachers;
    }

    public GradingRuleStore gradingRules() {
        return gradingRules;
    }
}
