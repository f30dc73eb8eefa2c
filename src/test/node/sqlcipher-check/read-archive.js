'use strict';
// Reads a Parley archive with Zetetic's SQLCipher (@journeyapps/sqlcipher), independently of the JDBC driver.
// Input on stdin, one JSON object: {"file": path, "key": hex or null, "query": sql}. The key never goes on the
// command line. Prints {"cipher": version, "rows": [...]} on success; exits 2 with the error on stderr otherwise.
const sqlcipher = require('@journeyapps/sqlcipher');

function fail(message) {
  process.stderr.write(message + '\n');
  process.exit(2);
}

let input = '';
process.stdin.setEncoding('utf8');
process.stdin.on('data', (chunk) => { input += chunk; });
process.stdin.on('end', () => {
  let request;
  try {
    request = JSON.parse(input);
  } catch (e) {
    fail('stdin is not JSON: ' + e.message);
  }
  if (request.key !== null && !/^([0-9a-fA-F]{64}|[0-9a-fA-F]{96})$/.test(request.key)) {
    fail('key must be 64 hex digits (raw key) or 96 (raw key and salt)');
  }
  const db = new sqlcipher.Database(request.file, sqlcipher.OPEN_READONLY, (err) => {
    if (err) fail('open: ' + err.message);
  });
  db.serialize(() => {
    if (request.key !== null) {
      // A blob literal is taken as the raw key; without a salt in it, SQLCipher reads the salt from the file.
      db.run(`PRAGMA key = "x'${request.key}'"`);
    }
    db.get('PRAGMA cipher_version', (err, version) => {
      if (err) fail('cipher_version: ' + err.message);
      db.all(request.query, (err2, rows) => {
        if (err2) fail('query: ' + err2.message);
        process.stdout.write(JSON.stringify({ cipher: version ? version.cipher_version : null, rows }) + '\n');
        db.close();
      });
    });
  });
});
