/**
 * Tests on the real network (the {@code *IT} classes, run by {@code scripts/test} with
 * {@code -Pnetwork}) and what they stand on: the network seen through the Fabric Gateway SDK
 * ({@link org.creditbank.network.LiveNetwork}, {@link org.creditbank.network.Calls}), the
 * running gateways over HTTP ({@link org.creditbank.network.RunningGateways}) and the chaincode's
 * authorisation specification as data ({@link org.creditbank.network.AuthorisationMatrix}), which
 * {@link org.creditbank.network.AuthorisationMatrixTest} also checks in memory in every build.
 */
package org.creditbank.network;
