// Placeholder replaced once the database harness lands.
export default async function setup() {}
