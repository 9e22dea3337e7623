import { chromium } from 'playwright-core';
const B='http://127.0.0.1:8399';
const [,, base, ...qs] = process.argv;
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
const ctx = await browser.newContext({ viewport:{width:390,height:844} });
const page = await ctx.newPage();
page.on('pageerror', e=>console.log('PAGEERR', e.message));
for (const q of qs) {
  await page.goto(B+base+'?q='+encodeURIComponent(q), {waitUntil:'load'});
  await page.waitForFunction(()=>document.documentElement.dataset.app==='hydrated', null, {timeout:10000}).catch(()=>{});
  await page.waitForTimeout(800);
  console.log(JSON.stringify(q), JSON.stringify(await page.evaluate(()=>({title:document.title, count:document.querySelector('.search-page__count')?.textContent, res:[...document.querySelectorAll('.search-page h2')].map(h=>h.textContent.slice(0,30)), marks:[...document.querySelectorAll('mark')].map(m=>m.textContent).slice(0,8), other:[...document.querySelectorAll('.search-page p')].map(p=>p.className+':'+p.textContent.slice(0,60)).filter(t=>!t.startsWith('search-page__count')).slice(0,4) }))));
}
await browser.close();
