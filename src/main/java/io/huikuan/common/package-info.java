/** Shared kernel: money, paging, errors, the command-line entry. */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package io.huikuan.common;
