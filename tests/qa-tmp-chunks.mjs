import { chromium } from 'playwright-core';
const B='http://127.0.0.1:8399';
const [,, path, name, width='390', h='800'] = process.argv;
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
const ctx = await browser.newContext({ viewport:{width:+width,height:+h}, deviceScaleFactor:1 });
const page = await ctx.newPage();
await page.goto(B+path, {waitUntil:'load'});
await page.waitForTimeout(300);
const total = await page.evaluate(()=>document.documentElement.scrollHeight);
let i=0;
for (let y=0; y<total; y+= +h) {
  await page.screenshot({path:`/tmp/qaZ/shots/${name}-c${i++}.png`, fullPage:true, clip:{x:0,y,width:+width,height:Math.min(+h,total-y)}});
}
console.log(total, i);
await browser.close();
