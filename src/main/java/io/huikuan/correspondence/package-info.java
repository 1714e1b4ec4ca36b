/**
 * Correspondence: documents issued to debtors (so far the statement of account, 对账单, as a PDF
 * with an embedded Chinese font), numbered and stored with their SHA-256.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Correspondence")
package io.huikuan.correspondence;
