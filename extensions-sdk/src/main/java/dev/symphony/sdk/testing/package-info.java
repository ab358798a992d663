/** An in-process harness for extension authors: call capabilities with schema checks and real brokered services. */
package dev.symphony.sdk.testing;
