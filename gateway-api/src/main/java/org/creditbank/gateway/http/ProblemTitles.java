package org.creditbank.gateway.http;

import org.creditbank.model.ErrorCode;

/**
 * The {@code title} of each problem: what its code means, in Chinese and then English, for the
 * registrar, learner or verifier who reads it on a page (the {@code detail} says what exactly was
 * wrong, in English; programs switch on {@code code}). An exhaustive switch, like
 * {@link Problems#statusOf}: a new code does not compile until it has a title.
 */
final class ProblemTitles {

    private ProblemTitles() {
    }

    static String of(ErrorCode code) {
        return switch (code) {
            case MALFORMED_INPUT -> "请求内容不是所需格式的 JSON / The request is not JSON of the expected shape";
            case INVALID_FIELD -> "有字段不符合规则，见 violations / A field breaks a rule: see violations";
            case ROLE_NOT_ALLOWED -> "你的角色不能做这项操作 / Your role may not do this";
            case ORG_NOT_ALLOWED -> "这条记录属于另一家机构 / This record belongs to another institution";
            case INSTITUTION_NOT_REGISTERED -> "本机构尚未登记机构信息 / This institution has not registered its profile yet";
            case INSTITUTION_TYPE_NOT_ALLOWED -> "这类机构不能做这项操作 / This kind of institution may not do this";
            case ACCOUNT_NOT_FOUND -> "没有这个学习者账户 / No such learner account";
            case ACCOUNT_EXISTS -> "这个学习者账户已存在 / This learner account exists already";
            case CONFLICT -> "已有同一编号但内容不同的记录 / A record with this id holds other content";
            case NOT_FOUND -> "没有找到这条记录 / No such record";
            case INVALID_STATUS_TRANSITION -> "记录当前的状态不允许这项更改 / The record's status does not allow this change";
            case SOURCE_NOT_ACTIVE -> "引用的成果或事实不再有效 / A cited outcome or fact is no longer in force";
            case LEARNER_MISMATCH -> "引用的成果属于另一位学习者 / A cited outcome belongs to another learner";
            case ALREADY_RECOGNISED -> "这项成果已在本校认定过 / This outcome is recognised here already";
            case RULE_NOT_SATISFIED -> "不满足认定规则 / The recognition rule is not met";
            case RULE_RETIRED -> "这条认定规则已停用 / This recognition rule is retired";
            case BATCH_REJECTED -> "整批被拒，各条原因见 violations / The whole batch was refused: see violations";
            case ALREADY_COUNTED -> "这项事实已计过积分 / This fact has been counted already";
            case NOT_A_POINTS_FACT -> "引用的记录不能计育人积分 / The cited record earns no education points";
            case POLICY_NOT_IN_FORCE -> "积分政策不适用于这项事实 / The points policy does not cover this fact";
            case INSUFFICIENT_POINTS -> "积分余额不足 / Not enough points";
            case PERSONAL_DATA_REQUIRED -> "缺少个人信息或格式不对 / Personal data is missing or malformed";
            case BATCH_TOO_LARGE -> "一批的条数过多 / Too many items in one batch";
            case UNAUTHENTICATED -> "令牌无效或已失效，请重新登录 / The token is missing or no longer valid: sign in again";
            case FORBIDDEN -> "你的令牌不能使用这项功能 / Your token may not use this";
            case NO_SUCH_ROUTE -> "没有这个地址 / No such address";
            case METHOD_NOT_ALLOWED -> "这个地址不支持这种请求方法 / This address does not take this method";
            case PAYLOAD_TOO_LARGE -> "请求内容过大 / The request is too large";
            case NESTED_TOO_DEEPLY -> "JSON 嵌套过深 / The JSON nests too deeply";
            case RATE_LIMITED -> "请求过于频繁，请稍后再试 / Too many requests: try again later";
            case URI_TOO_LONG -> "地址过长 / The address is too long";
            case HEADERS_TOO_LARGE -> "请求头过大 / The request headers are too large";
            case REQUEST_NOT_ACCEPTED -> "服务器不接受这个请求 / The server does not accept this request";
            case IMPORT_HAS_INVALID_ROWS -> "有错误的行，什么都没有导入 / Some rows are wrong: nothing was imported";
            case IMPORT_INCOMPLETE -> "导入中途停止，再导入同一文件即可补全 / The import stopped part-way: import the same file again";
            case SPREADSHEET_UNREADABLE -> "无法读取这个表格文件 / This spreadsheet cannot be read";
            case SPREADSHEET_TOO_LARGE -> "表格超出导入上限 / The spreadsheet is larger than an import takes";
            case CREDENTIAL_NOT_ISSUABLE -> "这条记录现在不能生成凭证 / This record cannot be made into a credential now";
            case TOO_LARGE_FOR_QR -> "内容太多，放不进二维码 / Too much for a QR code";
            case OFFER_NOT_VALID -> "钱包领取链接无效、已使用或已过期 / The wallet offer is unknown, used or expired";
            case HOLDER_PROOF_INVALID -> "钱包的持有证明无效 / The wallet's proof of its key is not valid";
            case ACTIVATION_NOT_VALID -> "激活码无效、已使用或已过期 / The activation code is unknown, used or expired";
            case SHARE_NOT_AVAILABLE -> "分享链接已撤回或已过期 / The share link is withdrawn or expired";
            case CREDENTIALS_NOT_CONFIGURED -> "本网关未配置签发密钥 / This gateway has no issuer key";
            case READ_MODEL_NOT_CONFIGURED -> "本网关未启用读模型 / This gateway keeps no read model";
            case LEDGER_ENDORSEMENT_FAILED -> "节点未能背书，未写入任何内容 / The peers did not endorse: nothing was written";
            case LEDGER_SUBMIT_FAILED -> "排序服务未接受交易，未写入任何内容 / The orderer refused the transaction: nothing was written";
            case LEDGER_REJECTED -> "交易被判无效，未写入任何内容 / The transaction was invalidated: nothing was written";
            case LEDGER_UNAVAILABLE -> "暂时连不上区块链节点，请稍后再试 / No peer can be reached: try again later";
            case LEDGER_BUSY -> "记录正被频繁修改，请稍后再试 / The records kept changing: try again later";
            case LEDGER_TIMEOUT -> "超时，是否已写入未知，请先查询再重试 / Timed out: check whether it was written before retrying";
            case INTERNAL -> "网关内部错误，已记录 / The gateway failed; it is logged";
        };
    }
}
