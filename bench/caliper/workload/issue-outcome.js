'use strict';

// Caliper workload: single-record issuance (outcome:issue) by the College registrar.
// Preparation (not measured): each worker opens its own learner accounts with learner:openAccount.
// Measured: one outcome:issue per call of submitTransaction, for a learner picked at random, with a
// localId unique across runs, rounds and workers: CAL-<run>-r<round>-w<worker>-<counter>.

const crypto = require('crypto');
const { WorkloadModuleBase } = require('@hyperledger/caliper-core');
const { randomAccountNumber } = require('./account-number');

const CONTRACT = 'creditbank';
const INVOKER = 'registrar1';
// One run id per worker process start, so that a second run never reuses a localId.
const RUN = process.env.CALIPER_RUN_ID || Date.now().toString(36);

class IssueOutcomeWorkload extends WorkloadModuleBase {
    constructor() {
        super();
        this.learners = [];
        this.counter = 0;
        this.prefix = '';
    }

    async initializeWorkloadModule(workerIndex, totalWorkers, roundIndex, roundArguments, sutAdapter, sutContext) {
        await super.initializeWorkloadModule(workerIndex, totalWorkers, roundIndex, roundArguments, sutAdapter, sutContext);
        const accounts = Number(roundArguments.accountsPerWorker || 16);
        this.prefix = `CAL-${RUN}-r${roundIndex}-w${workerIndex}-`;
        for (let i = 0; i < accounts; i++) {
            const account = randomAccountNumber();
            const status = await this.sutAdapter.sendRequests({
                contractId: CONTRACT,
                contractFunction: 'learner:openAccount',
                contractArguments: [account],
                invokerIdentity: INVOKER,
                readOnly: false
            });
            if (status.GetStatus() !== 'success') {
                throw new Error(`worker ${workerIndex}: learner:openAccount ${account} failed; see the log above`);
            }
            this.learners.push(account);
        }
    }

    draft() {
        this.counter++;
        const learner = this.learners[crypto.randomInt(this.learners.length)];
        return {
            localId: this.prefix + this.counter,
            learner,
            kind: 'COURSE',
            achievementCode: 'CNC' + (this.counter % 50),
            achievementTitle: '数控车床编程',
            credits: 2,
            result: { scale: 'PERCENTAGE', value: '80' },
            activityStart: '2026-03-01',
            activityEnd: '2026-07-01',
            evidenceHash: crypto.createHash('sha256').update(this.prefix + this.counter).digest('hex')
        };
    }

    async submitTransaction() {
        await this.sutAdapter.sendRequests({
            contractId: CONTRACT,
            contractFunction: 'outcome:issue',
            contractArguments: [JSON.stringify(this.draft())],
            invokerIdentity: INVOKER,
            readOnly: false
        });
    }
}

function createWorkloadModule() {
    return new IssueOutcomeWorkload();
}

module.exports.createWorkloadModule = createWorkloadModule;
