const { src, dest, parallel } = require('gulp');

function copyIcons() {
	return src('icons/**/*.{svg,png}', { encoding: false }).pipe(dest('dist/icons'));
}

function copyNodeIcons() {
	return src('nodes/**/*.{svg,png}', { encoding: false }).pipe(dest('dist/nodes'));
}

function copyCodex() {
	return src('nodes/**/*.node.json').pipe(dest('dist/nodes'));
}

exports.build = parallel(copyIcons, copyNodeIcons, copyCodex);
exports.default = exports.build;
