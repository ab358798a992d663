/** The one JSON-Schema set-up every module that validates against a schema uses. */
package dev.symphony.contract.schema;
