package dev.redisdb.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Date;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.util.io.pem.PemObjectGenerator;

/**
 * A test CA and a server certificate it signed, made at run time (EC P-256, valid for a day) and written as PEM files
 * into a temporary directory that {@link #close()} deletes. No key material lives in the repository.
 */
public final class TestCertificates implements AutoCloseable {

	private static final AtomicLong SERIAL = new AtomicLong(System.currentTimeMillis());

	private static final X500Name CA_NAME = new X500Name("CN=redis-db test CA");

	private final Path directory;

	private final KeyPair caKeys;

	private TestCertificates(Path directory, KeyPair caKeys) {
		this.directory = directory;
		this.caKeys = caKeys;
	}

	/**
	 * Makes a new CA and writes its certificate to {@code ca.pem}.
	 * @return the CA
	 */
	public static TestCertificates newCa() {
		try {
			Path directory = Files.createTempDirectory("redis-db-tls-");
			KeyPair caKeys = newKeyPair();
			X509v3CertificateBuilder builder = builder(CA_NAME, CA_NAME, caKeys)
				.addExtension(Extension.basicConstraints, true, new BasicConstraints(true))
				.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
			TestCertificates certificates = new TestCertificates(directory, caKeys);
			writePem(certificates.caCertificate(), sign(builder, caKeys));
			return certificates;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** @return the CA certificate, PEM */
	public Path caCertificate() {
		return this.directory.resolve("ca.pem");
	}

	/**
	 * Issues a server certificate signed by this CA and writes it to {@code <name>.pem} and its private key
	 * (PKCS#8) to {@code <name>-key.pem}.
	 * @param name the file name stem, e.g. {@code server}
	 * @param subjectAlternativeNames {@code IP:127.0.0.1} or {@code DNS:localhost} entries
	 * @return the certificate and key files
	 */
	public ServerCertificate issueServerCertificate(String name, String... subjectAlternativeNames) {
		try {
			KeyPair keys = newKeyPair();
			GeneralName[] names = new GeneralName[subjectAlternativeNames.length];
			for (int i = 0; i < names.length; i++) {
				String[] typeAndValue = subjectAlternativeNames[i].split(":", 2);
				names[i] = new GeneralName(
						"IP".equals(typeAndValue[0]) ? GeneralName.iPAddress : GeneralName.dNSName, typeAndValue[1]);
			}
			X509v3CertificateBuilder builder = builder(CA_NAME, new X500Name("CN=" + name), keys)
				.addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
				.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature))
				.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth))
				.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(names));
			X509Certificate certificate = sign(builder, this.caKeys);
			ServerCertificate files = new ServerCertificate(this.directory.resolve(name + ".pem"),
					this.directory.resolve(name + "-key.pem"));
			writePem(files.certificate(), certificate);
			writePem(files.privateKey(), new JcaPKCS8Generator(keys.getPrivate(), null));
			return files;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@Override
	public void close() {
		try (Stream<Path> paths = Files.walk(this.directory)) {
			paths.sorted(Comparator.reverseOrder()).forEach((path) -> path.toFile().delete());
		}
		catch (IOException ex) {
			// best effort: a temporary directory
		}
	}

	private static KeyPair newKeyPair() {
		try {
			KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
			generator.initialize(new ECGenParameterSpec("secp256r1"));
			return generator.generateKeyPair();
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static X509v3CertificateBuilder builder(X500Name issuer, X500Name subject, KeyPair subjectKeys) {
		Instant now = Instant.now();
		return new JcaX509v3CertificateBuilder(issuer, BigInteger.valueOf(SERIAL.incrementAndGet()),
				Date.from(now.minus(Duration.ofMinutes(5))), Date.from(now.plus(Duration.ofDays(1))), subject,
				subjectKeys.getPublic());
	}

	private static X509Certificate sign(X509v3CertificateBuilder builder, KeyPair issuerKeys) {
		try {
			return new JcaX509CertificateConverter()
				.getCertificate(builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(issuerKeys.getPrivate())));
		}
		catch (OperatorCreationException | GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static void writePem(Path file, X509Certificate certificate) throws IOException {
		try (Writer out = Files.newBufferedWriter(file); JcaPEMWriter pem = new JcaPEMWriter(out)) {
			pem.writeObject(certificate);
		}
	}

	private static void writePem(Path file, PemObjectGenerator generator) throws IOException {
		try (Writer out = Files.newBufferedWriter(file); JcaPEMWriter pem = new JcaPEMWriter(out)) {
			pem.writeObject(generator);
		}
	}

	/**
	 * A server certificate and its private key, PEM files.
	 *
	 * @param certificate the certificate
	 * @param privateKey the PKCS#8 private key
	 */
	public record ServerCertificate(Path certificate, Path privateKey) {
	}

}
